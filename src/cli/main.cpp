#include "cli/app.hpp"

int main(int argc, char** argv) {
    return churn::cli::main(argc, argv);
}
