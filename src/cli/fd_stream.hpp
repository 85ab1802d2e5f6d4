#pragma once
// An output stream on a file descriptor that remembers why a write failed (errno), so that
// `churn … > /dev/full` can say "No space left on device" and a closed pipe can end quietly.

#include <array>
#include <ostream>
#include <streambuf>

namespace churn::cli {

class fd_streambuf : public std::streambuf {
  public:
    explicit fd_streambuf(int fd);
    fd_streambuf(const fd_streambuf&) = delete;
    fd_streambuf& operator=(const fd_streambuf&) = delete;
    ~fd_streambuf() override;

    /// errno of the first failed write, 0 if none failed.
    int error() const { return error_; }

  protected:
    int_type overflow(int_type ch) override;
    std::streamsize xsputn(const char* s, std::streamsize n) override;
    int sync() override;

  private:
    bool flush_buffer();
    bool write_all(const char* data, std::size_t size);

    int fd_;
    int error_ = 0;
    std::array<char, 1 << 16> buffer_{};
};

class fd_ostream : public std::ostream {
  public:
    explicit fd_ostream(int fd) : std::ostream(nullptr), buf_(fd) { rdbuf(&buf_); }
    int error() const { return buf_.error(); }

  private:
    fd_streambuf buf_;
};

}  // namespace churn::cli
