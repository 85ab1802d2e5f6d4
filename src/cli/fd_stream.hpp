#pragma once
// An output stream on a file descriptor that remembers why a write failed (errno), so that
// `churn … > /dev/full` can say "No space left on device" and a closed pipe can end quietly.

#include <array>
#include <ostream>
#include <streambuf>
#include <string>

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

namespace churn::cli {

/// An input stream on a file descriptor read in large blocks with read(2), so that batch reads
/// a pipe as fast as a file. A failed read throws churn::error `name: strerror`; an istream
/// on it passes that on when its exceptions() include badbit.
class fd_istreambuf : public std::streambuf {
  public:
    fd_istreambuf(int fd, std::string name) : fd_(fd), name_(std::move(name)) {}
    /// errno of a failed read, 0 if none failed.
    int error() const { return error_; }

  protected:
    int_type underflow() override;
    std::streamsize xsgetn(char* s, std::streamsize n) override;

  private:
    /// read(2) of up to `size` bytes, retried on EINTR; 0 at the end; throws on an error.
    std::size_t read_some(char* data, std::size_t size);

    int fd_;
    std::string name_;
    int error_ = 0;
    std::array<char, 1 << 16> buffer_{};
};

}  // namespace churn::cli
