#include "logging.h"

Q_LOGGING_CATEGORY(lcClient, "hubbub.client", QtInfoMsg)
Q_LOGGING_CATEGORY(lcClientNet, "hubbub.client.net", QtInfoMsg)
