# Runs `svodka analyze ARGS` on the bundled example and compares the output with a committed
# golden file. Two goldens:
#   tass-2017-03-20-lavrov-kishida.json           --no-morph --tokens: structure, segmentation
#   tass-2017-03-20-lavrov-kishida.analyze.json   the default analysis: morphology, entities,
#                                                 objects, roles and every later stage
# To accept a deliberate change, regenerate the file with the same command, e.g.:
#   build/svodka analyze --no-morph --tokens examples/tass-2017-03-20-lavrov-kishida.txt \
#     > tests/golden/tass-2017-03-20-lavrov-kishida.json
#   build/svodka analyze examples/tass-2017-03-20-lavrov-kishida.txt \
#     > tests/golden/tass-2017-03-20-lavrov-kishida.analyze.json
# and review the diff: it is the change in behaviour.
set(example ${SRC}/examples/tass-2017-03-20-lavrov-kishida.txt)
if(NOT DEFINED GOLDEN)
  set(GOLDEN tass-2017-03-20-lavrov-kishida.json)
  set(ARGS "--no-morph;--tokens")
endif()
set(golden ${SRC}/tests/golden/${GOLDEN})
execute_process(COMMAND ${SVODKA} analyze ${ARGS} ${example}
                OUTPUT_VARIABLE actual ERROR_VARIABLE err RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "svodka analyze failed (${rc}): ${err}")
endif()
file(READ ${golden} expected)
if(NOT actual STREQUAL expected)
  file(WRITE ${CMAKE_CURRENT_BINARY_DIR}/${GOLDEN}.actual "${actual}")
  execute_process(COMMAND diff -u ${golden} ${CMAKE_CURRENT_BINARY_DIR}/${GOLDEN}.actual
                  OUTPUT_VARIABLE d)
  string(SUBSTRING "${d}" 0 6000 d)
  message(FATAL_ERROR "output differs from ${golden}:\n${d}")
endif()
