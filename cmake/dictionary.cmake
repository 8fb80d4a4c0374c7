# Build-time dictionary: tools/fetch-az.sh fetches (or reuses the cached) npm az@0.2.3 tarball,
# checks its sha512 integrity and extracts the OpenCorpora dictionaries; svodka-dict-compile
# turns them into ${CMAKE_BINARY_DIR}/data/ru.dict (target `dictionary`, part of ALL).
# Included by CMakeLists.txt; does nothing with -DSVODKA_BUILD_DICT=OFF.
if(NOT SVODKA_BUILD_DICT OR NOT TARGET svodka-dict-compile)
  return()
endif()
set(SVODKA_AZ_CACHE "${CMAKE_SOURCE_DIR}/.cache/az" CACHE PATH
    "Where tools/fetch-az.sh keeps the az@0.2.3 tarball (offline once cached)")
set(SVODKA_DICT_OUT "${CMAKE_BINARY_DIR}/data/ru.dict")
set(SVODKA_AZ_STAMP "${SVODKA_AZ_CACHE}/package/dicts/.verified-0.2.3")
add_custom_command(
  OUTPUT ${SVODKA_AZ_STAMP}
  COMMAND sh ${CMAKE_SOURCE_DIR}/tools/fetch-az.sh ${SVODKA_AZ_CACHE}
  COMMAND ${CMAKE_COMMAND} -E touch ${SVODKA_AZ_STAMP}
  DEPENDS ${CMAKE_SOURCE_DIR}/tools/fetch-az.sh
  COMMENT "Fetching and verifying npm az@0.2.3 (OpenCorpora dictionary)"
  VERBATIM)
add_custom_command(
  OUTPUT ${SVODKA_DICT_OUT}
  COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_BINARY_DIR}/data
  COMMAND svodka-dict-compile --az ${SVODKA_AZ_CACHE}/package/dicts --out ${SVODKA_DICT_OUT}
  DEPENDS svodka-dict-compile ${SVODKA_AZ_STAMP}
  COMMENT "Compiling the morphology dictionary ${SVODKA_DICT_OUT}"
  VERBATIM)
add_custom_target(dictionary ALL DEPENDS ${SVODKA_DICT_OUT})
