# Runs `svodka analyze --no-morph --tokens` on the bundled example and compares the output
# with the committed golden file. To accept a deliberate change:
#   build/svodka analyze --no-morph --tokens examples/tass-2017-03-20-lavrov-kishida.txt \
#     > tests/golden/tass-2017-03-20-lavrov-kishida.json
set(example ${SRC}/examples/tass-2017-03-20-lavrov-kishida.txt)
set(golden ${SRC}/tests/golden/tass-2017-03-20-lavrov-kishida.json)
execute_process(COMMAND ${SVODKA} analyze --no-morph --tokens ${example}
                OUTPUT_VARIABLE actual ERROR_VARIABLE err RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "svodka analyze failed (${rc}): ${err}")
endif()
file(READ ${golden} expected)
if(NOT actual STREQUAL expected)
  file(WRITE ${CMAKE_CURRENT_BINARY_DIR}/golden_actual.json "${actual}")
  execute_process(COMMAND diff -u ${golden} ${CMAKE_CURRENT_BINARY_DIR}/golden_actual.json
                  OUTPUT_VARIABLE d)
  string(SUBSTRING "${d}" 0 6000 d)
  message(FATAL_ERROR "output differs from ${golden}:\n${d}")
endif()
