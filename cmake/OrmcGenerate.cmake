# ormc_generate(<target> HEADERS <model headers...> [OUTPUT_DIR <dir>] [SCHEMA_NAME <stem>]
#               [NAMESPACE <namespace>] [JOBS <n>] [SOURCES_PER_HEADER <n>]
#               [VISIBILITY PUBLIC|PRIVATE|INTERFACE] [TARGETS cpp python]
#               [TEMPLATES <file.mustache>...])
#
# Runs ormc on the model headers before <target> compiles, with <target>'s own include paths,
# definitions and C++ standard (CXX_STANDARD, else C++20), compiles the generated sources (each
# model's tables and queries, instantiated once) into <target>, puts the output directory on
# <target>'s include path and links the runtime. VISIBILITY says whether targets that link
# <target> get both too: by default PUBLIC for a library (its users include the generated
# headers through its own headers), INTERFACE for an interface library, PRIVATE for a program.
# ormc writes a depfile, so only a change to something the model headers include reruns it, and
# unchanged outputs keep their timestamps, so an unchanged result recompiles nothing.
# TARGETS adds languages beside C++ (which is always generated, since <target> compiles it):
# python writes <schema>_models.py and ormc_data.py into the output directory (docs/python.md).
# TEMPLATES renders each Mustache file with the models into the output directory, as its name
# without .mustache (docs/templates.md); editing a template reruns ormc.
# Shipped in the installed package (find_package(ormc CONFIG)) and used by ormc's own build.

# Recorded with the function: paths in ormc's depfile are absolute, which Ninja matches only
# when CMake rewrites the depfile (CMP0116 NEW), whatever the calling project's minimum version.
cmake_policy(PUSH)
cmake_policy(SET CMP0116 NEW)

function(ormc_generate target)
  cmake_parse_arguments(ARG "" "OUTPUT_DIR;SCHEMA_NAME;NAMESPACE;JOBS;SOURCES_PER_HEADER;VISIBILITY" "HEADERS;TARGETS;TEMPLATES"
                        ${ARGN})
  if(ARG_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "ormc_generate(${target}): unknown arguments ${ARG_UNPARSED_ARGUMENTS}")
  endif()
  if(NOT ARG_HEADERS)
    message(FATAL_ERROR "ormc_generate(${target}): HEADERS is required")
  endif()
  if(NOT TARGET ${target})
    message(FATAL_ERROR "ormc_generate(${target}): no such target")
  endif()
  if(NOT TARGET ormc::ormc)
    message(FATAL_ERROR "ormc_generate(${target}): the ormc tool is not part of this build or "
                        "package (built with ORMC_BUILD_TOOL=OFF?)")
  endif()
  get_target_property(type ${target} TYPE)
  if(NOT ARG_VISIBILITY)
    if(type STREQUAL "EXECUTABLE")
      set(ARG_VISIBILITY PRIVATE)
    elseif(type STREQUAL "INTERFACE_LIBRARY")
      set(ARG_VISIBILITY INTERFACE)
    else()
      set(ARG_VISIBILITY PUBLIC)
    endif()
  endif()
  if(NOT ARG_VISIBILITY MATCHES "^(PUBLIC|PRIVATE|INTERFACE)$")
    message(FATAL_ERROR "ormc_generate(${target}): VISIBILITY must be PUBLIC, PRIVATE or "
                        "INTERFACE, not ${ARG_VISIBILITY}")
  endif()
  if(NOT ARG_OUTPUT_DIR)
    set(ARG_OUTPUT_DIR "${CMAKE_CURRENT_BINARY_DIR}/${target}_ormc")
  endif()
  if(NOT ARG_SCHEMA_NAME)
    set(ARG_SCHEMA_NAME schema)
  endif()

  if(NOT ARG_SOURCES_PER_HEADER)
    set(ARG_SOURCES_PER_HEADER 1)
  endif()
  if(NOT ARG_SOURCES_PER_HEADER MATCHES "^[1-9][0-9]*$" OR ARG_SOURCES_PER_HEADER GREATER 64)
    message(FATAL_ERROR "ormc_generate(${target}): SOURCES_PER_HEADER must be 1 to 64, not "
                        "'${ARG_SOURCES_PER_HEADER}'")
  endif()
  set(languages cpp)
  foreach(language IN LISTS ARG_TARGETS)
    if(NOT language MATCHES "^(cpp|python)$")
      message(FATAL_ERROR "ormc_generate(${target}): TARGETS are cpp and python, not '${language}'")
    endif()
    list(APPEND languages ${language})
  endforeach()
  list(REMOVE_DUPLICATES languages)
  set(headers "")
  set(generated "${ARG_OUTPUT_DIR}/${ARG_SCHEMA_NAME}.ormc.hpp")
  set(sources "") # compiled into <target>: each model's tables and queries, instantiated once
  foreach(header IN LISTS ARG_HEADERS)
    get_filename_component(header "${header}" ABSOLUTE)
    get_filename_component(stem "${header}" NAME_WE)
    list(APPEND headers "${header}")
    list(APPEND generated "${ARG_OUTPUT_DIR}/${stem}.ormc.hpp")
    list(APPEND sources "${ARG_OUTPUT_DIR}/${stem}.ormc.cpp")
    # More parts of the same source, so that a parallel build compiles a header's models on
    # several cores: <stem>.ormc-2.cpp ...
    if(ARG_SOURCES_PER_HEADER GREATER 1)
      foreach(part RANGE 2 ${ARG_SOURCES_PER_HEADER})
        list(APPEND sources "${ARG_OUTPUT_DIR}/${stem}.ormc-${part}.cpp")
      endforeach()
    endif()
  endforeach()
  foreach(schema_file json postgresql.sql sqlite.sql)
    list(APPEND generated "${ARG_OUTPUT_DIR}/${ARG_SCHEMA_NAME}.${schema_file}")
  endforeach()
  set(other_outputs "") # other languages' files: written, never compiled
  if(python IN_LIST languages)
    list(APPEND other_outputs "${ARG_OUTPUT_DIR}/${ARG_SCHEMA_NAME}_models.py"
                              "${ARG_OUTPUT_DIR}/ormc_data.py")
  endif()
  list(JOIN languages "," target_list)
  set(template_options "")
  set(templates "")
  foreach(template IN LISTS ARG_TEMPLATES)
    get_filename_component(template "${template}" ABSOLUTE)
    get_filename_component(written "${template}" NAME)
    if(NOT written MATCHES "^(.+)\\.mustache$")
      message(FATAL_ERROR "ormc_generate(${target}): a template is named as the file it writes "
                          "and .mustache (openapi.yaml.mustache), not ${written}")
    endif()
    list(APPEND other_outputs "${ARG_OUTPUT_DIR}/${CMAKE_MATCH_1}")
    list(APPEND templates "${template}")
    list(APPEND template_options "--template=${template}")
  endforeach()
  # The stamp is the one output ormc always refreshes; the headers are byproducts that keep their
  # timestamps when unchanged, so neither Make nor Ninja recompiles what includes them.
  set(stamp "${ARG_OUTPUT_DIR}/.ormc.stamp")
  set(depfile "${ARG_OUTPUT_DIR}/.ormc.d")

  set(includes "$<TARGET_PROPERTY:${target},INCLUDE_DIRECTORIES>")
  set(definitions "$<TARGET_PROPERTY:${target},COMPILE_DEFINITIONS>")
  # The target's own standard; the generated code needs C++20, the default.
  set(standard "$<TARGET_PROPERTY:${target},CXX_STANDARD>")
  set(std_flag "-std=$<IF:$<BOOL:$<TARGET_PROPERTY:${target},CXX_EXTENSIONS>>,gnu,c>++$<IF:$<BOOL:${standard}>,${standard},20>")
  set(options "")
  if(ARG_NAMESPACE)
    list(APPEND options "--namespace=${ARG_NAMESPACE}")
  endif()
  if(ARG_SOURCES_PER_HEADER GREATER 1)
    list(APPEND options "--sources-per-input=${ARG_SOURCES_PER_HEADER}")
  endif()
  if(ARG_JOBS)
    list(APPEND options "-j" "${ARG_JOBS}")
  endif()
  # In ormc's own build, depend on the target (so it is built first); installed, on its file.
  get_target_property(tool ormc::ormc ALIASED_TARGET)
  if(NOT tool)
    set(tool "$<TARGET_FILE:ormc::ormc>")
  endif()

  add_custom_command(
    OUTPUT "${stamp}"
    BYPRODUCTS ${generated} ${sources} ${other_outputs}
    COMMAND "$<TARGET_FILE:ormc::ormc>" --output-dir "${ARG_OUTPUT_DIR}"
            --schema-name "${ARG_SCHEMA_NAME}" --target=${target_list} ${template_options} --depfile "${depfile}" --depfile-target "${stamp}"
            ${options} ${headers}
            -- "${std_flag}" "$<$<BOOL:${includes}>:-I$<JOIN:${includes},;-I>>"
            "$<$<BOOL:${definitions}>:-D$<JOIN:${definitions},;-D>>"
    COMMAND "${CMAKE_COMMAND}" -E touch "${stamp}"
    DEPENDS ${tool} ${headers} ${templates}
    DEPFILE "${depfile}"
    COMMENT "ormc: generating persistence code for ${target}"
    COMMAND_EXPAND_LISTS
    VERBATIM)
  set_source_files_properties(${generated} PROPERTIES GENERATED TRUE HEADER_FILE_ONLY TRUE)
  set_source_files_properties(${sources} PROPERTIES GENERATED TRUE)
  if(type STREQUAL "INTERFACE_LIBRARY")
    # An interface library compiles nothing: a target of its own runs ormc first, and each
    # program that links it compiles the sources (duplicate instantiations merge at link time).
    add_custom_target(${target}_ormc_generate DEPENDS "${stamp}")
    add_dependencies(${target} ${target}_ormc_generate)
    target_sources(${target} INTERFACE ${sources})
  else()
    target_sources(${target} PRIVATE "${stamp}" ${generated} ${sources})
  endif()
  target_include_directories(${target} ${ARG_VISIBILITY} "$<BUILD_INTERFACE:${ARG_OUTPUT_DIR}>")
  target_link_libraries(${target} ${ARG_VISIBILITY} ormc::runtime)
endfunction()

cmake_policy(POP)
