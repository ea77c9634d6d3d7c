# One INTERFACE target carries the language level, warnings and Qt strictness for every target.
add_library(hubbub_settings INTERFACE)
add_library(Hubbub::settings ALIAS hubbub_settings)

target_compile_features(hubbub_settings INTERFACE cxx_std_20)
set(CMAKE_CXX_EXTENSIONS OFF)

target_compile_definitions(hubbub_settings INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_CAST_FROM_BYTEARRAY
    QT_NO_URL_CAST_FROM_STRING
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_USE_QSTRINGBUILDER
    QT_NO_FOREACH
    QT_NO_KEYWORDS
    QT_DISABLE_DEPRECATED_BEFORE=0x060400
    HUBBUB_VERSION="${PROJECT_VERSION}")

if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
    target_compile_options(hubbub_settings INTERFACE
        -Wall -Wextra -pedantic -Wold-style-cast -Wnon-virtual-dtor -Woverloaded-virtual)
    if(HUBBUB_WERROR)
        target_compile_options(hubbub_settings INTERFACE -Werror)
    endif()
elseif(MSVC)
    target_compile_options(hubbub_settings INTERFACE /W4 /permissive- /Zc:__cplusplus)
    if(HUBBUB_WERROR)
        target_compile_options(hubbub_settings INTERFACE /WX)
    endif()
endif()

if(HUBBUB_SANITIZE)
    string(REPLACE ";" "," _hubbub_sanitizers "${HUBBUB_SANITIZE}")
    target_compile_options(hubbub_settings INTERFACE
        -fsanitize=${_hubbub_sanitizers} -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
    target_link_options(hubbub_settings INTERFACE -fsanitize=${_hubbub_sanitizers})
    # Qt's own checks in its inline code (an index past a QList, a negative QByteArrayView
    # length) stay on in the sanitized builds: memory a container owns is no ASan finding.
    target_compile_definitions(hubbub_settings INTERFACE QT_FORCE_ASSERTS)
endif()

# Precompiled headers. Parsing Qt's headers is about half of what compiling one of our files
# costs (gcc -fsyntax-only of a server test: 3.5 s of 7.6 s), and CI compiles every file twice
# from cold. Each library precompiles the headers its layer includes most; the tests of one
# folder that link the same libraries share one precompiled header (REUSE_FROM needs the same
# flags: gcc silently skips a header built with other macros, and -Winvalid-pch, on with
# -Werror, makes that an error). HUBBUB_PCH=OFF checks that every file includes what it uses.
option(HUBBUB_PCH "Precompile the headers each layer includes most" ON)
set(HUBBUB_PCH_CORE
    <QByteArray> <QCoreApplication> <QDateTime> <QHash> <QJsonArray> <QJsonDocument>
    <QJsonObject> <QJsonValue> <QList> <QObject> <QPointer> <QString> <QStringList> <QTimer>
    <algorithm> <chrono> <functional> <memory> <optional> <span> <vector>)
set(HUBBUB_PCH_SERVER ${HUBBUB_PCH_CORE}
    <QCryptographicHash> <QHostAddress> <QSqlDatabase> <QSqlError> <QSqlQuery>)
set(HUBBUB_PCH_CLIENT ${HUBBUB_PCH_CORE}
    <QAbstractListModel> <QDir> <QFile> <QFileInfo> <QLocale> <QUrl> <QWebSocket>)
set(HUBBUB_PCH_WIDGETS ${HUBBUB_PCH_CLIENT}
    <QApplication> <QBoxLayout> <QDialog> <QDialogButtonBox> <QKeyEvent> <QLabel> <QLineEdit>
    <QListView> <QMenu> <QPainter> <QPlainTextEdit> <QPushButton> <QScrollBar>
    <QStyledItemDelegate> <QToolButton> <QWidget>)
set(HUBBUB_PCH_TEST <QElapsedTimer> <QSignalSpy> <QTemporaryDir> <QTest>)

# hubbub_precompile(target CORE|SERVER|CLIENT|WIDGETS): the layer's headers, precompiled.
function(hubbub_precompile target layer)
    if(HUBBUB_PCH)
        target_precompile_headers(${target} PRIVATE ${HUBBUB_PCH_${layer}})
    endif()
endfunction()

# hubbub_add_test(NAME tst_foo SOURCES tst_foo.cpp LIBRARIES hubbub_common [TIMEOUT s]
#                 [DEFINITIONS NAME=value...])
# One executable per tested class, registered with CTest and bounded in time; every test runs
# with QT_QPA_PLATFORM=offscreen, so widget tests need nothing more. A test's own DEFINITIONS
# go here, not in a later target_compile_definitions: they decide which tests can share a
# precompiled header.
function(hubbub_add_test)
    cmake_parse_arguments(ARG "" "NAME;TIMEOUT" "SOURCES;LIBRARIES;DEFINITIONS" ${ARGN})
    if(NOT ARG_TIMEOUT)
        set(ARG_TIMEOUT 120)
    endif()
    add_executable(${ARG_NAME} ${ARG_SOURCES})
    target_link_libraries(${ARG_NAME} PRIVATE Qt::Test hubbub_settings ${ARG_LIBRARIES})
    target_compile_definitions(${ARG_NAME} PRIVATE
        HUBBUB_TEST_DATA="${PROJECT_SOURCE_DIR}/tests/data" ${ARG_DEFINITIONS})
    if(HUBBUB_PCH)
        string(MD5 _key "${CMAKE_CURRENT_SOURCE_DIR};${ARG_LIBRARIES};${ARG_DEFINITIONS}")
        get_property(_owner GLOBAL PROPERTY HUBBUB_PCH_OWNER_${_key})
        if(_owner)
            target_precompile_headers(${ARG_NAME} REUSE_FROM ${_owner})
        else()
            if("hubbub_widget_test_support" IN_LIST ARG_LIBRARIES)
                set(_layer WIDGETS)
            elseif("hubbub_client_core" IN_LIST ARG_LIBRARIES)
                set(_layer CLIENT)
            elseif("hubbub_test_support" IN_LIST ARG_LIBRARIES)
                set(_layer SERVER)
            else()
                set(_layer CORE)
            endif()
            target_precompile_headers(${ARG_NAME} PRIVATE ${HUBBUB_PCH_${_layer}} ${HUBBUB_PCH_TEST})
            set_property(GLOBAL PROPERTY HUBBUB_PCH_OWNER_${_key} ${ARG_NAME})
        endif()
    endif()
    if(TARGET hubbub-server)
        target_compile_definitions(${ARG_NAME} PRIVATE
            HUBBUB_SERVER_BINARY="$<TARGET_FILE:hubbub-server>")
    endif()
    add_test(NAME ${ARG_NAME} COMMAND ${ARG_NAME})
    set(_env "QT_QPA_PLATFORM=offscreen")
    set_tests_properties(${ARG_NAME} PROPERTIES TIMEOUT ${ARG_TIMEOUT} ENVIRONMENT "${_env}")
endfunction()
