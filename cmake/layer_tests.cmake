# The layers are enforced by the include views (CMakeLists.txt): a component compiles against
# its own folder and the folders below it only. These tests compile one-line probes with a
# component's view: including a header of a layer above, or of a sibling, must fail; the
# component's own headers and those below must compile.
#   svodka_layer_probe(COMPONENT HEADER EXPECT_FAIL)
function(svodka_layer_probe comp header expect_fail)
  string(MAKE_C_IDENTIFIER "${comp}_${header}" id)
  set(probe ${CMAKE_BINARY_DIR}/layer-probes/${id}.cc)
  file(WRITE ${probe} "#include \"${header}\"\nint main() { return 0; }\n")
  get_target_property(flags svodka_${comp} INCLUDE_DIRECTORIES)
  set(includes "")
  foreach(dir IN LISTS flags)
    list(APPEND includes "-I${dir}")
  endforeach()
  if(expect_fail)
    set(name layers_${comp}_cannot_include_${id})
  else()
    set(name layers_${comp}_includes_${id})
  endif()
  add_test(NAME ${name}
           COMMAND ${CMAKE_CXX_COMPILER} -std=c++20 -fsyntax-only ${includes} ${probe})
  set_tests_properties(${name} PROPERTIES LABELS layers)
  if(expect_fail)  # fails because the header is not there, not for another reason
    set_tests_properties(${name} PROPERTIES PASS_REGULAR_EXPRESSION "No such file or directory")
  endif()
endfunction()

svodka_layer_probe(text text/segmenter.h FALSE)
svodka_layer_probe(text base/utf8.h FALSE)
svodka_layer_probe(base text/segmenter.h TRUE)
svodka_layer_probe(text article/reader.h TRUE)
svodka_layer_probe(text morph/analyzer.h TRUE)
svodka_layer_probe(morph text/tokenizer.h TRUE)
svodka_layer_probe(article morph/morphology.h TRUE)
svodka_layer_probe(morph eval/morph_eval.h TRUE)
svodka_layer_probe(eval article/reader.h TRUE)
svodka_layer_probe(pipeline cli/output.h TRUE)
svodka_layer_probe(pipeline morph/morphology.h FALSE)
