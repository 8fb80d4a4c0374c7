# Embeds every data/rules/*.tsv into the library (rules are data, compiled in by one code path):
# generates ${CMAKE_BINARY_DIR}/gen/embedded_rules.cc defining the table read by
# src/base/embedded.h. Re-run on any change of the TSV files.
file(GLOB SVODKA_RULE_FILES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/data/rules/*.tsv)
set(SVODKA_EMBED_OUT ${CMAKE_BINARY_DIR}/gen/embedded_rules.cc)
add_custom_command(
  OUTPUT ${SVODKA_EMBED_OUT}
  COMMAND ${CMAKE_COMMAND} -DOUT=${SVODKA_EMBED_OUT} -DDIR=${CMAKE_SOURCE_DIR}/data/rules
          -P ${CMAKE_SOURCE_DIR}/cmake/embed_script.cmake
  DEPENDS ${SVODKA_RULE_FILES} ${CMAKE_SOURCE_DIR}/cmake/embed_script.cmake
  COMMENT "Embedding data/rules/*.tsv")
