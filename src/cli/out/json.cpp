// JSON: a calculation is one object naming the command, one field per line; rows are an array
// of objects, one per line, the totals last. Numbers are the nearest double in shortest form.

#include "cli/escape.hpp"
#include "cli/out/formats.hpp"
#include "cli/out/number.hpp"

namespace churn::cli::out {

void append_json_object(std::string& out, const std::vector<std::string>& names,
                        std::span<const value> values) {
    out += '{';
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (i > 0)
            out += ',';
        append_json_string(out, names[i]);
        out += ':';
        append_json_value(out, values[i]);
    }
    out += '}';
}

void append_json_object(std::string& out, std::span<const total> totals) {
    out += '{';
    for (std::size_t i = 0; i < totals.size(); ++i) {
        if (i > 0)
            out += ',';
        append_json_string(out, totals[i].name);
        out += ':';
        append_json_value(out, totals[i].v);
    }
    out += '}';
}

namespace {

class json_sink final : public sink {
  public:
    using sink::sink;

    void begin(header h) override {
        record_ = h.record;
        command_ = std::move(h.command);
        for (auto& c : h.columns)
            names_.push_back(std::move(c.name));
        if (!record_ && !names_.empty())
            buffer_ += '[';
    }

    void row(std::span<const value> values) override {
        atomically([&] {
            if (record_) {
                buffer_ += "{\n  \"command\": ";
                append_json_string(buffer_, command_);
                for (std::size_t i = 0; i < values.size(); ++i)
                    member(names_[i], values[i]);
            } else {
                buffer_ += objects_ == 0 ? "\n" : ",\n";
                append_json_object(buffer_, names_, values);
            }
            ++objects_;
        });
    }

    /// Without columns the totals are the document: one object alone.
    void summary(std::span<const total> totals) override {
        atomically([&] {
            if (record_) {
                for (const total& t : totals)
                    member(t.name, t.v);
                return;
            }
            if (!names_.empty())
                buffer_ += objects_ == 0 ? "\n" : ",\n";
            append_json_object(buffer_, totals);
            if (names_.empty())
                buffer_ += '\n';
            ++objects_;
        });
    }

    void finish(const std::vector<std::string>& explanation) override {
        if (record_) {
            if (!explanation.empty()) {
                buffer_ += ",\n  \"explanation\": [";
                for (std::size_t i = 0; i < explanation.size(); ++i) {
                    buffer_ += i ? ", " : "";
                    append_json_string(buffer_, explanation[i]);
                }
                buffer_ += "]";
            }
            buffer_ += "\n}\n";
        } else if (!names_.empty()) {
            buffer_ += objects_ > 0 ? "\n]\n" : "]\n";
        }
        flush();
    }

  private:
    /// `"name": value` on its own line of the record.
    void member(std::string_view name, const value& v) {
        buffer_ += ",\n  ";
        append_json_string(buffer_, name);
        buffer_ += ": ";
        append_json_value(buffer_, v);
    }

    bool record_ = false;
    std::string command_;
    std::vector<std::string> names_;
    std::size_t objects_ = 0;
};

}  // namespace

std::unique_ptr<sink> make_json_sink(std::ostream& out, const options& o) {
    return std::make_unique<json_sink>(out, o);
}

}  // namespace churn::cli::out
