#include "cli/input.hpp"

#include "cli/fd_stream.hpp"

#include <churn/error.hpp>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cerrno>
#include <cstring>

namespace churn::cli {

input_files::input_files(const std::vector<std::string>& names, std::istream& standard_input)
    : names_(names.empty() ? std::vector<std::string>{"-"} : names), stdin_(standard_input) {
    for (const auto& path : names_) {
        struct stat st {};
        if (path == "-")
            continue;
        if (::stat(path.c_str(), &st) != 0)
            throw error(printable(path) + ": " + std::strerror(errno));
        if (S_ISDIR(st.st_mode))
            throw error(printable(path) + ": Is a directory");
    }
}

input_files::~input_files() {
    close();
}

std::istream* input_files::next(std::string& name) {
    close();
    if (index_ == names_.size())
        return nullptr;
    const std::string& path = names_[index_++];
    if (path == "-") {
        name = "<stdin>";
        return &stdin_;
    }
    name = printable(path);
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        throw error(name + ": " + std::strerror(errno));
    owned_ = fd;
    struct stat st {};
    if (::fstat(fd, &st) == 0 && S_ISDIR(st.st_mode))
        throw error(name + ": Is a directory");
    buf_ = std::make_unique<fd_istreambuf>(fd, name);
    stream_ = std::make_unique<std::istream>(buf_.get());
    stream_->exceptions(std::ios::badbit);  // a failed read throws `name: strerror`
    return stream_.get();
}

bool input_files::rereadable() const {
    for (const auto& path : names_) {
        struct stat st {};
        if (path == "-" || ::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode))
            return false;
    }
    return true;
}

void input_files::close() {
    stream_.reset();
    buf_.reset();
    if (owned_ >= 0)
        ::close(owned_);
    owned_ = -1;
}

}  // namespace churn::cli
