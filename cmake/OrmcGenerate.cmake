# ormc_generate(<target> HEADERS <model headers...> [OUTPUT_DIR <dir>] [SCHEMA_NAME <stem>])
#
# Runs ormc on the model headers before <target> compiles, with the flags of the build's own
# compile_commands.json, puts the output directory on <target>'s include path and links the
# runtime. Unchanged outputs keep their timestamps, so nothing recompiles when they stay the same.
function(ormc_generate target)
  cmake_parse_arguments(ARG "" "OUTPUT_DIR;SCHEMA_NAME" "HEADERS" ${ARGN})
  if(NOT ARG_HEADERS)
    message(FATAL_ERROR "ormc_generate(${target}): HEADERS is required")
  endif()
  if(NOT ARG_OUTPUT_DIR)
    set(ARG_OUTPUT_DIR "${CMAKE_CURRENT_BINARY_DIR}/${target}_ormc")
  endif()
  if(NOT ARG_SCHEMA_NAME)
    set(ARG_SCHEMA_NAME schema)
  endif()

  set(headers "")
  set(outputs "${ARG_OUTPUT_DIR}/${ARG_SCHEMA_NAME}.ormc.hpp")
  foreach(header IN LISTS ARG_HEADERS)
    get_filename_component(header "${header}" ABSOLUTE)
    get_filename_component(stem "${header}" NAME_WE)
    list(APPEND headers "${header}")
    list(APPEND outputs "${ARG_OUTPUT_DIR}/${stem}.ormc.hpp")
  endforeach()
  set(stamp "${ARG_OUTPUT_DIR}/.ormc.stamp")

  add_custom_command(
    OUTPUT "${stamp}" ${outputs}
    COMMAND ormc -p "${CMAKE_BINARY_DIR}" --output-dir "${ARG_OUTPUT_DIR}"
            --schema-name "${ARG_SCHEMA_NAME}" ${headers}
    COMMAND "${CMAKE_COMMAND}" -E touch "${stamp}"
    DEPENDS ormc ${headers}
    COMMENT "ormc: generating persistence code for ${target}"
    VERBATIM)
  target_sources(${target} PRIVATE ${outputs})
  target_include_directories(${target} PRIVATE "${ARG_OUTPUT_DIR}")
  target_link_libraries(${target} PRIVATE ormc::runtime)
endfunction()
