#pragma once

#include <QLocale>
#include <QString>

class QTranslator;

namespace Hubbub::Client {

//! Installs the app's translation for `locale` from `directory` (hubbub_<lang>.qm) and Qt's
//! own (qtbase_<lang>.qm, for the buttons of standard dialogs) when it is installed. A
//! language Hubbub does not speak gets the English catalogue, for its plural forms. The
//! translators are children of the application. Returns the app's translator, or nullptr.
QTranslator *installTranslations(const QLocale &locale, const QString &directory);

} // namespace Hubbub::Client
