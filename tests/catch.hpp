#pragma once
// One include for Catch2 2 (Debian bookworm) and Catch2 3.

#if CHURN_CATCH_MAJOR == 3
#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_floating_point.hpp>
#include <catch2/matchers/catch_matchers_string.hpp>
#else
#include <catch2/catch.hpp>
#endif
