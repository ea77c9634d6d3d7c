#include "csv.h"

namespace Hubbub::Cli::Csv {

QByteArray field(const QString &value)
{
    const QByteArray utf8 = value.toUtf8();
    // Spaces at either end are quoted too: some readers trim unquoted fields.
    const bool quote = utf8.contains(',') || utf8.contains('"') || utf8.contains('\n')
        || utf8.contains('\r') || utf8.startsWith(' ') || utf8.endsWith(' ');
    if (!quote)
        return utf8;
    QByteArray quoted;
    quoted.reserve(utf8.size() + 2);
    quoted += '"';
    for (const char c : utf8) {
        if (c == '"')
            quoted += '"';
        quoted += c;
    }
    quoted += '"';
    return quoted;
}

QByteArray record(const QStringList &fields)
{
    QByteArray line;
    for (qsizetype i = 0; i < fields.size(); ++i) {
        if (i > 0)
            line += ',';
        line += field(fields.at(i));
    }
    line += "\r\n";
    return line;
}

} // namespace Hubbub::Cli::Csv
