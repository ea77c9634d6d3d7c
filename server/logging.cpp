#include "logging.h"

Q_LOGGING_CATEGORY(lcServer, "hubbub.server", QtInfoMsg)
Q_LOGGING_CATEGORY(lcNet, "hubbub.server.net", QtInfoMsg)
Q_LOGGING_CATEGORY(lcDb, "hubbub.server.db", QtInfoMsg)
Q_LOGGING_CATEGORY(lcAuth, "hubbub.server.auth", QtInfoMsg)
