// churn events' columns: by flag, guessed from common names, and every error exactly.
#include "cli/event_columns.hpp"

#include <churn/error.hpp>

#include <string>
#include <string_view>
#include <vector>

#include "catch.hpp"

namespace {

using churn::cli::event_column_flags;
using churn::cli::event_columns;
using churn::cli::find_event_columns;

event_columns find(const std::vector<std::string_view>& header, const event_column_flags& f = {}) {
    return find_event_columns(header, f);
}

std::string error_of(const std::vector<std::string_view>& header,
                     const event_column_flags& f = {}) {
    try {
        find_event_columns(header, f);
    } catch (const churn::error& e) {
        return e.what();
    }
    return "found";
}

const std::vector<std::string_view> uci = {"InvoiceNo",   "StockCode", "Description", "Quantity",
                                           "InvoiceDate", "UnitPrice", "CustomerID",  "Country"};

}  // namespace

TEST_CASE("UCI Online Retail: customer, date, order and amount as quantity × price, guessed") {
    const event_columns c = find(uci);
    CHECK(c.customer == 6);
    CHECK(c.date == 4);
    CHECK_FALSE(c.amount);
    CHECK(c.quantity == 3);
    CHECK(c.price == 5);
    CHECK(c.order == 0);
    CHECK(c.width == 8);
    CHECK(c.note ==
          "columns guessed: customer CustomerID, date InvoiceDate, amount Quantity × UnitPrice, "
          "order InvoiceNo");
}

TEST_CASE("CDNOW: customer and date guessed, the amount named by flag") {
    const std::vector<std::string_view> cdnow = {"customer_id", "date", "number_of_cds",
                                                 "dollar_value"};
    event_column_flags f;
    f.amount = "Dollar Value";
    const event_columns c = find(cdnow, f);
    CHECK(c.customer == 0);
    CHECK(c.date == 1);
    CHECK(c.amount == 3);
    CHECK_FALSE(c.quantity);
    CHECK_FALSE(c.order);
    CHECK(c.width == 4);
    CHECK(c.note == "columns guessed: customer customer_id, date date");
    CHECK(find(cdnow).note == "columns guessed: customer customer_id, date date");
    CHECK_FALSE(find(cdnow).amount);
}

TEST_CASE("common names match in any case and spelling, and flags leave nothing to guess") {
    const event_columns c = find({"User-Id", "created at", "Revenue", "Transaction ID"});
    CHECK(c.customer == 0);
    CHECK(c.date == 1);
    CHECK(c.amount == 2);
    CHECK(c.order == 3);
    CHECK(c.note ==
          "columns guessed: customer User-Id, date created at, amount Revenue, order "
          "Transaction ID");
    event_column_flags f;
    f.customer = "who";
    f.date = "WHEN";
    f.amount = "paid";
    f.order = "ticket";
    const event_columns named = find({"ticket", "paid", "when", "who", "user_id", "date"}, f);
    CHECK(named.customer == 3);
    CHECK(named.date == 2);
    CHECK(named.amount == 1);
    CHECK(named.order == 0);
    CHECK(named.note.empty());
}

TEST_CASE("quantity and price by flag, and an amount column wins over line items") {
    event_column_flags f;
    f.quantity = "qty";
    f.price = "unit price";
    const event_columns c = find({"customer_id", "date", "qty", "unit_price", "amount"}, f);
    CHECK(c.quantity == 2);
    CHECK(c.price == 3);
    CHECK_FALSE(c.amount);
    CHECK(c.note == "columns guessed: customer customer_id, date date");
    const event_columns a = find({"customer_id", "date", "Quantity", "UnitPrice", "total"});
    CHECK(a.amount == 4);
    CHECK_FALSE(a.quantity);
    CHECK_FALSE(a.price);
    // A quantity without a price is no amount.
    const event_columns q = find({"customer_id", "date", "Quantity"});
    CHECK_FALSE(q.amount);
    CHECK_FALSE(q.quantity);
}

TEST_CASE("a flag naming no column lists the header's, with a did-you-mean when one is close") {
    event_column_flags f;
    f.customer = "CustomerId";
    CHECK(error_of({"Customer_ID", "date"}, f) ==
          "--customer: \"CustomerId\" is not a column of the header (did you mean Customer_ID?); "
          "its columns: Customer_ID, date");
    f.customer = "client";
    CHECK(error_of({"customer_id", "date"}, f) ==
          "--customer: \"client\" is not a column of the header; its columns: customer_id, date");
    event_column_flags d;
    d.date = "date";
    CHECK(error_of({"customer_id", "Date", "DATE"}, d) ==
          "--date: \"date\" names columns 2 and 3 of the header; rename one");
}

TEST_CASE("two candidates for one role are an error naming both") {
    CHECK(error_of({"customer_id", "user_id", "date"}) ==
          "both customer_id and user_id could be the customer; choose with --customer");
    CHECK(error_of({"customer_id", "date", "created_at", "timestamp"}) ==
          "date, created_at and timestamp could each be the date; choose with --date");
    CHECK(error_of({"customer_id", "date", "amount", "total"}) ==
          "both amount and total could be the amount; choose with --amount");
    CHECK(error_of({"customer_id", "date", "order_id", "InvoiceNo"}) ==
          "both order_id and InvoiceNo could be the order; choose with --order");
    CHECK(error_of({"customer_id", "date", "Quantity", "price", "UnitPrice"}) ==
          "both price and UnitPrice could be the price; choose with --price");
    event_column_flags f;
    f.customer = "user_id";
    CHECK(find({"customer_id", "user_id", "date"}, f).customer == 1);
}

TEST_CASE("no customer or date column says which names were looked for and how to choose") {
    CHECK(error_of({"id", "when", "amount"}) ==
          "no customer column: the header (id, when, amount) has none of customer_id, "
          "CustomerID, user_id, client_id and account_id; name it with --customer COL");
    CHECK(error_of({"customer_id", "when"}) ==
          "no date column: the header (customer_id, when) has none of date, order_date, "
          "InvoiceDate, created_at and timestamp; name it with --date COL");
}

TEST_CASE("amount, quantity and price flags go together only as amount or quantity × price") {
    event_column_flags f;
    f.amount = "amount";
    f.price = "price";
    CHECK(error_of(uci, f) ==
          "--price cannot be given with --amount: the amount is one column, or quantity × price");
    f.quantity = "Quantity";
    CHECK(error_of(uci, f) ==
          "--quantity cannot be given with --amount: the amount is one "
          "column, or quantity × price");
    event_column_flags q;
    q.quantity = "Quantity";
    CHECK(error_of(uci, q) == "--quantity needs --price: the amount is quantity × price");
    event_column_flags p;
    p.price = "UnitPrice";
    CHECK(error_of(uci, p) == "--price needs --quantity: the amount is quantity × price");
}

TEST_CASE("two roles in one column are an error, and a flag's column is not guessed again") {
    event_column_flags f;
    f.customer = "InvoiceNo";
    f.order = "invoiceno";
    CHECK(error_of(uci, f) ==
          "--customer and --order both name the column InvoiceNo; each role needs its own column");
    event_column_flags d;
    d.date = "customer_id";
    CHECK(error_of({"customer_id", "day"}, d) ==
          "no customer column: the header (customer_id, day) has none of customer_id, "
          "CustomerID, user_id, client_id and account_id; name it with --customer COL");
}
