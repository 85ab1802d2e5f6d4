# churn_catch_tests(TARGET PREFIX [PROPERTIES …]): one ctest entry per Catch2 test case of
# TARGET, named "PREFIX<test name>", plus the test "PREFIXevery test case runs", which fails if a
# test case has no entry or an entry runs no test case (tests/check_catch_tests.py). A test case
# without an assertion fails too (--warn NoAssertions; Catch2 2 takes one --warn only).
include(Catch)
find_package(Python3 REQUIRED COMPONENTS Interpreter)

function(churn_catch_tests target prefix)
  catch_discover_tests(${target} TEST_PREFIX "${prefix}" EXTRA_ARGS --warn NoAssertions ${ARGN})
  add_test(NAME "${prefix}every test case runs"
    COMMAND Python3::Interpreter ${PROJECT_SOURCE_DIR}/tests/check_catch_tests.py
            ${CMAKE_CTEST_COMMAND} ${CHURN_CATCH_MAJOR} "${prefix}" $<TARGET_FILE:${target}>
    WORKING_DIRECTORY ${PROJECT_BINARY_DIR})
endfunction()
