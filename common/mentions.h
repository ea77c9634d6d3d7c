#pragma once

#include <QList>
#include <QString>
#include <QStringView>

namespace Hubbub::Mentions {

//! One `@name` token of a text: where the `@` is and how long the token is, in UTF-16 units.
struct Token
{
    qsizetype start = 0;
    qsizetype length = 0;
};

//! Every `@name` token of `text`, in order, at most `max`: an `@` at the start or after a
//! character that cannot be in a username (so "bob@example.org" is no mention), followed by
//! username characters (letters, marks, digits, '_', '.', '-').
QList<Token> tokens(QStringView text, qsizetype max);
//! The names a token may stand for, longest first: the whole run, then without trailing '.',
//! '-' and '_' (so "@bob." at the end of a sentence mentions bob, and "@bob.smith" bob.smith).
QList<QString> candidates(QStringView token);
//! Whether `c` may be in a username (Validation::checkUsername's alphabet).
bool isNameChar(char32_t c);

} // namespace Hubbub::Mentions
