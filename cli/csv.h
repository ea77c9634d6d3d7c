#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

//! Comma-separated values as RFC 4180 writes them, in UTF-8: a field holding a comma, a double
//! quote, a line break (CR or LF) or a leading or trailing space is put in double quotes, and
//! every quote in it doubled; records end with CRLF, line breaks inside a field stay as they
//! are.
namespace Hubbub::Cli::Csv {

QByteArray field(const QString &value);
//! One record: the fields joined with commas, and CRLF.
QByteArray record(const QStringList &fields);

} // namespace Hubbub::Cli::Csv
