# Install like a Debian tool: the library (headers, libchurn.a, an exported churn::core
# package, churn.pc) in the "dev" component; the program, its man page and completions in
# "runtime". CPack makes one .deb of each: churn and libchurn-dev.
include(CMakePackageConfigHelpers)
set(CHURN_CMAKE_DIR "${CMAKE_INSTALL_LIBDIR}/cmake/churn" CACHE STRING
    "Where churnConfig.cmake is installed, relative to the prefix")
install(TARGETS churn_core EXPORT churnTargets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT dev
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(DIRECTORY include/churn DESTINATION ${CMAKE_INSTALL_INCLUDEDIR} COMPONENT dev
  FILES_MATCHING PATTERN "*.hpp")
install(FILES ${PROJECT_BINARY_DIR}/include/churn/version.hpp
  DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/churn COMPONENT dev)
install(EXPORT churnTargets NAMESPACE churn:: DESTINATION ${CHURN_CMAKE_DIR} COMPONENT dev)
configure_package_config_file(packaging/churnConfig.cmake.in
  ${PROJECT_BINARY_DIR}/churnConfig.cmake INSTALL_DESTINATION ${CHURN_CMAKE_DIR})
if(PROJECT_VERSION_MAJOR EQUAL 0)
  set(churn_compatibility SameMinorVersion)  # before 1.0 every minor version may break
else()
  set(churn_compatibility SameMajorVersion)
endif()
write_basic_package_version_file(${PROJECT_BINARY_DIR}/churnConfigVersion.cmake
  COMPATIBILITY ${churn_compatibility})
install(FILES ${PROJECT_BINARY_DIR}/churnConfig.cmake
  ${PROJECT_BINARY_DIR}/churnConfigVersion.cmake DESTINATION ${CHURN_CMAKE_DIR} COMPONENT dev)
# churn.pc is written at install time, so that `cmake --install --prefix DIR` gets DIR in it.
foreach(dir LIBDIR INCLUDEDIR)
  if(IS_ABSOLUTE "${CMAKE_INSTALL_${dir}}")
    set(CHURN_PC_${dir} "${CMAKE_INSTALL_${dir}}")
  else()
    set(CHURN_PC_${dir} "\${prefix}/${CMAKE_INSTALL_${dir}}")
  endif()
endforeach()
set(CHURN_PC_PREFIX "@CHURN_PC_PREFIX@")
configure_file(packaging/churn.pc.in ${PROJECT_BINARY_DIR}/churn.pc.in @ONLY)
install(CODE "set(CHURN_PC_PREFIX \"\${CMAKE_INSTALL_PREFIX}\")
configure_file(\"${PROJECT_BINARY_DIR}/churn.pc.in\" \"${PROJECT_BINARY_DIR}/churn.pc\" @ONLY)"
  COMPONENT dev)
install(FILES ${PROJECT_BINARY_DIR}/churn.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig
  COMPONENT dev)
install(FILES LICENSE DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/libchurn-dev RENAME copyright
  COMPONENT dev)

if(TARGET churn)
  install(TARGETS churn RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT runtime)
  install(FILES LICENSE DESTINATION ${CMAKE_INSTALL_DOCDIR} RENAME copyright COMPONENT runtime)
  install(FILES README.md DESTINATION ${CMAKE_INSTALL_DOCDIR} COMPONENT runtime)
  # The man page: help2man on the real --help of churn and its commands, plus churn.h2m.
  find_program(HELP2MAN_EXECUTABLE help2man)
  find_program(GZIP_EXECUTABLE gzip)
  if(HELP2MAN_EXECUTABLE AND GZIP_EXECUTABLE)
    add_custom_command(OUTPUT churn.1 churn.1.gz
      COMMAND ${CMAKE_COMMAND} -E env CHURN=$<TARGET_FILE:churn> LC_ALL=C.UTF-8
              ${HELP2MAN_EXECUTABLE} --no-info
              "--name=customer churn and retention calculator"
              --include=${PROJECT_SOURCE_DIR}/packaging/churn.h2m --output=churn.1
              ${PROJECT_SOURCE_DIR}/packaging/churn-help.sh
      COMMAND ${GZIP_EXECUTABLE} -9nkf churn.1
      DEPENDS churn packaging/churn.h2m packaging/churn-help.sh
      COMMENT "Generating the churn(1) man page with help2man"
      VERBATIM)
    add_custom_target(churn_man ALL DEPENDS churn.1.gz)
    install(FILES ${PROJECT_BINARY_DIR}/churn.1.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1
      COMPONENT runtime)
  else()
    message(WARNING "help2man or gzip not found: the churn(1) man page is not built")
  endif()
  # Completions, where bash-completion and zsh look for them under the prefix.
  find_package(PkgConfig QUIET)
  set(churn_bash_dir "${CMAKE_INSTALL_DATADIR}/bash-completion/completions")
  if(PKG_CONFIG_FOUND)
    pkg_get_variable(churn_bc_dir bash-completion completionsdir)
    pkg_get_variable(churn_bc_prefix bash-completion prefix)
    if(churn_bc_dir AND churn_bc_prefix AND churn_bc_dir MATCHES "^${churn_bc_prefix}/(.+)$")
      set(churn_bash_dir "${CMAKE_MATCH_1}")  # relative, so that staged installs stay staged
    endif()
  endif()
  set(CHURN_BASH_COMPLETION_DIR "${churn_bash_dir}" CACHE STRING
      "Where the bash completion is installed (relative to the prefix)")
  if(CMAKE_INSTALL_PREFIX STREQUAL "/usr")
    set(churn_zsh_dir "${CMAKE_INSTALL_DATADIR}/zsh/vendor-completions")  # Debian's place
  else()
    set(churn_zsh_dir "${CMAKE_INSTALL_DATADIR}/zsh/site-functions")
  endif()
  set(CHURN_ZSH_COMPLETION_DIR "${churn_zsh_dir}" CACHE STRING
      "Where the zsh completion _churn is installed (relative to the prefix)")
  install(FILES packaging/completions/churn.bash DESTINATION ${CHURN_BASH_COMPLETION_DIR}
    RENAME churn COMPONENT runtime)
  install(FILES packaging/completions/_churn DESTINATION ${CHURN_ZSH_COMPLETION_DIR}
    COMPONENT runtime)
endif()

set(CPACK_PACKAGE_NAME churn)
set(CPACK_PACKAGE_VENDOR "churn developers")
set(CPACK_PACKAGE_CONTACT "churn developers <churn@example.invalid>")
# Each package's description starts with its own synopsis line, so no common summary.
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "")
set(CPACK_PACKAGE_HOMEPAGE_URL "${PROJECT_HOMEPAGE_URL}")
set(CPACK_RESOURCE_FILE_LICENSE "${PROJECT_SOURCE_DIR}/LICENSE")
set(CPACK_GENERATOR DEB)
set(CPACK_STRIP_FILES ON)
if(TARGET churn)
  set(CPACK_COMPONENTS_ALL runtime dev)
else()
  set(CPACK_COMPONENTS_ALL dev)
endif()
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)  # Depends from dpkg-shlibdeps: libc6, libfmt9, …
set(CPACK_DEBIAN_RUNTIME_PACKAGE_NAME churn)
set(CPACK_DEBIAN_DEV_PACKAGE_NAME libchurn-dev)
set(CPACK_DEBIAN_DEV_PACKAGE_SECTION libdevel)
set(CPACK_COMPONENT_RUNTIME_DESCRIPTION "customer churn and retention calculator
churn computes churn rate, customer retention rate, repeat purchase rate, lifetime value,
lost revenue, revenue churn, NPS and churn over other period lengths from the counts a
business keeps, with exact arithmetic, and checks the figures of published articles.")
set(CPACK_COMPONENT_DEV_DESCRIPTION "customer churn and retention library - development files
The C++20 library under the churn command: exact rates from customer counts, exact money,
strict number parsing. Headers, the static library, the CMake package churn::core
(find_package(churn)) and churn.pc.")
include(CPack)
