// Catch2 2 needs a main of our own; Catch2 3 links Catch2WithMain instead.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
