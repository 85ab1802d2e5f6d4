#pragma once
// Catch2 3 under Catch2 2's name: rapidcheck/catch.h includes <catch2/catch.hpp> and uses only
// SECTION, SUCCEED, INFO and FAIL, which Catch2 3 keeps. On the include path with Catch2 3 only.
#include <catch2/catch_message.hpp>
#include <catch2/catch_test_macros.hpp>
