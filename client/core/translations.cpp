#include "translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

namespace Hubbub::Client {

QTranslator *installTranslations(const QLocale &locale, const QString &directory)
{
    auto *qt = new QTranslator(QCoreApplication::instance());
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
            QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;

    auto *app = new QTranslator(QCoreApplication::instance());
    // Without a catalogue the source text would show "%n change(s)".
    if (app->load(locale, QStringLiteral("hubbub"), QStringLiteral("_"), directory)
        || app->load(QStringLiteral("hubbub_en"), directory)) {
        QCoreApplication::installTranslator(app);
        return app;
    }
    delete app;
    return nullptr;
}

} // namespace Hubbub::Client
