#include "cli/fd_stream.hpp"

#include <churn/error.hpp>

#include <unistd.h>
#include <algorithm>
#include <cerrno>
#include <cstring>

namespace churn::cli {

fd_streambuf::fd_streambuf(int fd) : fd_(fd) {
    setp(buffer_.data(), buffer_.data() + buffer_.size());
}

fd_streambuf::~fd_streambuf() {
    flush_buffer();
}

bool fd_streambuf::write_all(const char* data, std::size_t size) {
    if (error_ != 0)
        return false;
    while (size > 0) {
        const ssize_t n = ::write(fd_, data, size);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            error_ = errno;
            return false;
        }
        data += n;
        size -= static_cast<std::size_t>(n);
    }
    return true;
}

bool fd_streambuf::flush_buffer() {
    const auto size = static_cast<std::size_t>(pptr() - pbase());
    setp(buffer_.data(), buffer_.data() + buffer_.size());
    return write_all(buffer_.data(), size);
}

fd_streambuf::int_type fd_streambuf::overflow(int_type ch) {
    if (!flush_buffer())
        return traits_type::eof();
    if (!traits_type::eq_int_type(ch, traits_type::eof())) {
        *pptr() = traits_type::to_char_type(ch);
        pbump(1);
    }
    return traits_type::not_eof(ch);
}

std::streamsize fd_streambuf::xsputn(const char* s, std::streamsize n) {
    const auto room = epptr() - pptr();
    if (n <= room) {
        std::memcpy(pptr(), s, static_cast<std::size_t>(n));
        pbump(static_cast<int>(n));
        return n;
    }
    if (!flush_buffer())
        return 0;
    if (n >= static_cast<std::streamsize>(buffer_.size()))
        return write_all(s, static_cast<std::size_t>(n)) ? n : 0;
    std::memcpy(pptr(), s, static_cast<std::size_t>(n));
    pbump(static_cast<int>(n));
    return n;
}

int fd_streambuf::sync() {
    return flush_buffer() ? 0 : -1;
}

}  // namespace churn::cli

namespace churn::cli {

std::size_t fd_istreambuf::read_some(char* data, std::size_t size) {
    for (;;) {
        const ssize_t n = ::read(fd_, data, size);
        if (n >= 0)
            return static_cast<std::size_t>(n);
        if (errno == EINTR)
            continue;
        error_ = errno;
        throw churn::error(name_ + ": " + std::strerror(error_));
    }
}

fd_istreambuf::int_type fd_istreambuf::underflow() {
    if (gptr() < egptr())
        return traits_type::to_int_type(*gptr());
    const std::size_t n = read_some(buffer_.data(), buffer_.size());
    if (n == 0)
        return traits_type::eof();
    setg(buffer_.data(), buffer_.data(), buffer_.data() + n);
    return traits_type::to_int_type(*gptr());
}

std::streamsize fd_istreambuf::xsgetn(char* s, std::streamsize n) {
    // What is buffered first, then large reads straight into the caller's block: no copy.
    std::streamsize done = std::min<std::streamsize>(n, egptr() - gptr());
    if (done > 0) {
        std::memcpy(s, gptr(), static_cast<std::size_t>(done));
        gbump(static_cast<int>(done));
    }
    while (done < n) {
        const std::size_t got = read_some(s + done, static_cast<std::size_t>(n - done));
        if (got == 0)
            break;
        done += static_cast<std::streamsize>(got);
    }
    return done;
}

}  // namespace churn::cli
