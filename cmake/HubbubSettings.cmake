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

# hubbub_add_test(NAME tst_foo SOURCES tst_foo.cpp LIBRARIES hubbub_common [TIMEOUT s])
# One executable per tested class, registered with CTest and bounded in time; every test runs
# with QT_QPA_PLATFORM=offscreen, so widget tests need nothing more.
function(hubbub_add_test)
    cmake_parse_arguments(ARG "" "NAME;TIMEOUT" "SOURCES;LIBRARIES" ${ARGN})
    if(NOT ARG_TIMEOUT)
        set(ARG_TIMEOUT 120)
    endif()
    add_executable(${ARG_NAME} ${ARG_SOURCES})
    target_link_libraries(${ARG_NAME} PRIVATE Qt::Test hubbub_settings ${ARG_LIBRARIES})
    target_compile_definitions(${ARG_NAME} PRIVATE
        HUBBUB_TEST_DATA="${PROJECT_SOURCE_DIR}/tests/data")
    if(TARGET hubbub-server)
        target_compile_definitions(${ARG_NAME} PRIVATE
            HUBBUB_SERVER_BINARY="$<TARGET_FILE:hubbub-server>")
    endif()
    add_test(NAME ${ARG_NAME} COMMAND ${ARG_NAME})
    set(_env "QT_QPA_PLATFORM=offscreen")
    set_tests_properties(${ARG_NAME} PROPERTIES TIMEOUT ${ARG_TIMEOUT} ENVIRONMENT "${_env}")
endfunction()
