# End-to-end tests of the `svodka` binary: golden JSON for the bundled example and the
# bad-input contract (clear messages, other files still processed, exit status).
add_test(NAME cli_golden_example
         COMMAND ${CMAKE_COMMAND}
                 -DSVODKA=$<TARGET_FILE:svodka_cli>
                 -DSRC=${CMAKE_SOURCE_DIR}
                 -P ${CMAKE_SOURCE_DIR}/tests/golden/check_golden.cmake)
set_tests_properties(cli_golden_example PROPERTIES LABELS cli)
# The whole default analysis of the example (entities, objects, roles and later stages): needs
# the dictionary and the models, which the build provides.
add_test(NAME cli_golden_example_analysis
         COMMAND ${CMAKE_COMMAND}
                 -DSVODKA=$<TARGET_FILE:svodka_cli>
                 -DSRC=${CMAKE_SOURCE_DIR}
                 -DGOLDEN=tass-2017-03-20-lavrov-kishida.analyze.json
                 -DARGS=
                 -P ${CMAKE_SOURCE_DIR}/tests/golden/check_golden.cmake)
set_tests_properties(cli_golden_example_analysis PROPERTIES LABELS cli)
add_test(NAME cli_bad_input
         COMMAND bash ${CMAKE_SOURCE_DIR}/tests/cli/bad_input_test.sh $<TARGET_FILE:svodka_cli>)
set_tests_properties(cli_bad_input PROPERTIES LABELS cli TIMEOUT 300)
add_test(NAME cli_commands
         COMMAND bash ${CMAKE_SOURCE_DIR}/tests/cli/commands_test.sh $<TARGET_FILE:svodka_cli>
                 ${CMAKE_SOURCE_DIR})
set_tests_properties(cli_commands PROPERTIES LABELS cli TIMEOUT 300)
add_test(NAME cli_hostile_input
         COMMAND bash ${CMAKE_SOURCE_DIR}/tests/cli/hostile_input_test.sh $<TARGET_FILE:svodka_cli>
                 ${CMAKE_SOURCE_DIR})
set_tests_properties(cli_hostile_input PROPERTIES LABELS cli TIMEOUT 600)
add_test(NAME cli_streaming
         COMMAND bash ${CMAKE_SOURCE_DIR}/tests/cli/streaming_test.sh $<TARGET_FILE:svodka_cli>)
set_tests_properties(cli_streaming PROPERTIES LABELS cli TIMEOUT 300)
