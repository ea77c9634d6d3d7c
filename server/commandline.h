#pragma once

#include "error.h"
#include "serverconfig.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace Hubbub::Server {

//! What `hubbub-server`'s command line asks for, checked: a server to run, an admin to promote,
//! or a text to print (help, version). Parsing never exits the process, so a test can feed it
//! every option and bad value.
struct CommandLine
{
    Q_DECLARE_TR_FUNCTIONS(CommandLine)

public:
    enum class Action { Serve, Promote, MigrateFrom, ShowHelp, ShowVersion };

    Action action = Action::Serve;
    ServerConfig config; //!< host, port, database, durability, registration, retention, metrics
    QString promoteUsername; //!< for Action::Promote
    QString migrateFrom; //!< for Action::MigrateFrom: the SQLite file to copy
    bool verbose = false;
    QString text; //!< what to print on standard output for ShowHelp and ShowVersion

    //! Parses `arguments` (the program name first, as QCoreApplication::arguments() gives
    //! them). The default database lives in the app-data folder, which is created when
    //! missing. An error names the option in `field` and says what is wrong in `message`, ready
    //! to print after "hubbub-server: ".
    static Result<CommandLine> parse(const QStringList &arguments);
};

} // namespace Hubbub::Server
