# BigQuery and Spark SQL cannot run here, so their --emit-sql text is parse-checked (SPEC §8) by
# node-sql-parser (npm ci --prefix tests/sql); skipped (77) without node or the module.
# Included by tests/sql/CMakeLists.txt.
if(TARGET churn)
  find_package(Python3 REQUIRED COMPONENTS Interpreter)
  add_test(NAME "sql: bigquery and spark parse"
    COMMAND Python3::Interpreter ${CMAKE_CURRENT_LIST_DIR}/parse_check.py $<TARGET_FILE:churn>)
  set_tests_properties("sql: bigquery and spark parse" PROPERTIES
    LABELS sql SKIP_RETURN_CODE 77 TIMEOUT 300)
endif()
