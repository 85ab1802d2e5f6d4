# Warnings for the project's own targets, kept out of the exported interface.
add_library(churn_warnings INTERFACE)
if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
  target_compile_options(churn_warnings INTERFACE
    -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion
    $<$<BOOL:${CHURN_WERROR}>:-Werror>)
endif()
