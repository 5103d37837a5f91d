# cmake -DINPUT=<file> -DOUTPUT=<file.inc> -P EmbedText.cmake
# Writes <file>'s text as one C++ raw string literal, to be #included where the text is needed,
# and touches OUTPUT only when its contents change.
file(READ "${INPUT}" text)
string(FIND "${text}" ")ormc_embed\"" clash)
if(NOT clash EQUAL -1)
  message(FATAL_ERROR "${INPUT} holds the literal's delimiter )ormc_embed\"")
endif()
get_filename_component(name "${INPUT}" NAME)
file(WRITE "${OUTPUT}.tmp" "// ${name}, embedded by cmake/EmbedText.cmake; edit ${name}.\nR\"ormc_embed(${text})ormc_embed\"\n")
configure_file("${OUTPUT}.tmp" "${OUTPUT}" COPYONLY)
file(REMOVE "${OUTPUT}.tmp")
