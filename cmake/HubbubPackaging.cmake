# Installing and packaging (docs/packaging.md). Included at the end of the top-level
# CMakeLists.txt, once every target exists.
#
# Two install components, which are also the packages:
#   hubbub         the desktop app (and hubbub-cli once it is built), its desktop entry and icon
#   hubbub-server  the server, its systemd unit and its options file (Linux)
# The app's translations are compiled into it as Qt resources (:/i18n, client/CMakeLists.txt):
# nothing else to install, and no loose .qm file that could disagree with the binary. Qt's own
# catalogues (qtbase_*.qm) come from the system's Qt on Linux and from the deploy step on
# Windows.
#
# Linux: `cpack -G DEB` makes hubbub_<version>_<arch>.deb and hubbub-server_<version>_<arch>.deb
# against the system's Qt (dependencies from dpkg-shlibdeps). Windows and macOS: the install
# step also deploys Qt next to the programs (qt_generate_deploy_app_script), and cpack makes an
# installer (NSIS and ZIP; a DMG).

set(HUBBUB_PACKAGE_MAINTAINER "Hubbub maintainers <maintainers@users.noreply.b-seed-2c5101be.example>"
    CACHE STRING "Maintainer field of the packages: name <address>")
set(HUBBUB_PACKAGE_HOMEPAGE "" CACHE STRING "Homepage field of the packages (empty: none)")

# hubbub-cli (cli/) belongs with the app. Installed here, by component, so that the packages
# pick it up as soon as the target exists.
if(TARGET hubbub-cli)
    if(APPLE AND TARGET hubbub)
        set(_hubbub_cli_destination hubbub.app/Contents/MacOS)
    else()
        set(_hubbub_cli_destination ${CMAKE_INSTALL_BINDIR})
    endif()
    install(TARGETS hubbub-cli RUNTIME DESTINATION ${_hubbub_cli_destination} COMPONENT hubbub)
endif()

if(UNIX AND NOT APPLE)
    # The unit and /etc/default/hubbub-server: their paths follow the prefix at install time.
    set(_hubbub_server_docdir ${CMAKE_INSTALL_DATAROOTDIR}/doc/hubbub-server)
    install(CODE "
        set(HUBBUB_PACKAGING_DIR \"${PROJECT_SOURCE_DIR}/packaging\")
        set(HUBBUB_STAGING_DIR \"${PROJECT_BINARY_DIR}/packaging\")
        set(HUBBUB_BINDIR \"${CMAKE_INSTALL_BINDIR}\")
        set(HUBBUB_DOCDIR \"${_hubbub_server_docdir}\")
        include(\"${PROJECT_SOURCE_DIR}/packaging/install-service.cmake\")"
        COMPONENT hubbub-server)
    install(FILES ${PROJECT_SOURCE_DIR}/docs/packaging.md ${PROJECT_SOURCE_DIR}/docs/operations.md
        DESTINATION ${_hubbub_server_docdir} COMPONENT hubbub-server)

    # Debian wants a copyright file and a changelog in /usr/share/doc/<package>/, and a
    # manual page for each program: made from its --help at install time.
    find_program(HUBBUB_GZIP gzip)
    function(_hubbub_manual_page target component summary see_also)
        if(NOT TARGET ${target} OR NOT HUBBUB_GZIP OR CMAKE_CROSSCOMPILING)
            return()
        endif()
        install(CODE "
            set(HUBBUB_PROGRAM \"$<TARGET_FILE:${target}>\")
            set(HUBBUB_NAME \"${target}\")
            set(HUBBUB_SUMMARY \"${summary}\")
            set(HUBBUB_SEE_ALSO \"${see_also}\")
            set(HUBBUB_VERSION \"${PROJECT_VERSION}\")
            set(HUBBUB_STAGING_DIR \"${PROJECT_BINARY_DIR}/packaging\")
            set(HUBBUB_MANDIR \"${CMAKE_INSTALL_MANDIR}\")
            set(HUBBUB_GZIP \"${HUBBUB_GZIP}\")
            include(\"${PROJECT_SOURCE_DIR}/packaging/install-manpage.cmake\")"
            COMPONENT ${component})
    endfunction()
    _hubbub_manual_page(hubbub hubbub
        "the desktop app of Hubbub, the feed and chat of a local network"
        ".BR hubbub-cli (1),\n.BR hubbub-server (1)")
    _hubbub_manual_page(hubbub-cli hubbub "the command-line client of Hubbub"
        ".BR hubbub (1),\n.BR hubbub-server (1)")
    _hubbub_manual_page(hubbub-server hubbub-server "the Hubbub feed and chat server"
        ".BR hubbub (1);\nthe unit hubbub-server.service, its options in /etc/default/hubbub-server,\nand /usr/share/doc/hubbub-server/ (operations.md, packaging.md)")
    foreach(_hubbub_component IN ITEMS hubbub hubbub-server)
        set(_dir ${PROJECT_BINARY_DIR}/packaging/doc/${_hubbub_component})
        configure_file(${PROJECT_SOURCE_DIR}/packaging/debian/copyright ${_dir}/copyright COPYONLY)
        set(HUBBUB_PACKAGE_NAME ${_hubbub_component})
        string(TIMESTAMP HUBBUB_CHANGELOG_DATE "%a, %d %b %Y 00:00:00 +0000" UTC)
        configure_file(${PROJECT_SOURCE_DIR}/packaging/debian/changelog.in ${_dir}/changelog @ONLY)
        set(_doc_files ${_dir}/copyright)
        if(HUBBUB_GZIP)
            # -n: no name or time stamp inside, so the same text gives the same bytes.
            execute_process(COMMAND ${HUBBUB_GZIP} -9nf ${_dir}/changelog RESULT_VARIABLE _gzip)
            if(_gzip EQUAL 0)
                list(APPEND _doc_files ${_dir}/changelog.gz)
            endif()
        endif()
        install(FILES ${_doc_files} DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/doc/${_hubbub_component}
            COMPONENT ${_hubbub_component})
    endforeach()
endif()

# Windows and macOS: Qt (libraries, plugins, qtbase translations) goes next to the programs at
# install time through Qt's deploy script (windeployqt, macdeployqt). Qt 6.4 names the
# script's variable FILENAME_VARIABLE, 6.5 and later OUTPUT_SCRIPT (the old name is
# deprecated there). Linux is not handled here: the packages depend on the system's Qt.
if(WIN32)
    # Where the non-Qt DLLs are, e.g. vcpkg's installed/x64-windows/bin.
    set(HUBBUB_RUNTIME_DLL_DIRS "" CACHE PATH "Folders holding the non-Qt DLLs to ship (Windows)")
    foreach(_hubbub_target IN ITEMS hubbub hubbub-cli hubbub-server)
        if(NOT TARGET ${_hubbub_target})
            continue()
        endif()
        if(_hubbub_target STREQUAL "hubbub-server")
            set(_hubbub_component hubbub-server)
        else()
            set(_hubbub_component hubbub)
        endif()
        if(Qt6_VERSION VERSION_GREATER_EQUAL 6.5)
            qt_generate_deploy_app_script(TARGET ${_hubbub_target}
                OUTPUT_SCRIPT _hubbub_deploy NO_UNSUPPORTED_PLATFORM_ERROR)
        else()
            qt_generate_deploy_app_script(TARGET ${_hubbub_target}
                FILENAME_VARIABLE _hubbub_deploy NO_UNSUPPORTED_PLATFORM_ERROR)
        endif()
        install(SCRIPT ${_hubbub_deploy} COMPONENT ${_hubbub_component})
        # windeployqt copies Qt only: libsodium, OpenSSL and QtKeychain come from the
        # runtime dependency set below.
        install(TARGETS ${_hubbub_target} RUNTIME_DEPENDENCY_SET hubbub_${_hubbub_component}_dlls
            COMPONENT ${_hubbub_component})
    endforeach()
    foreach(_hubbub_component IN ITEMS hubbub hubbub-server)
        install(RUNTIME_DEPENDENCY_SET hubbub_${_hubbub_component}_dlls
            DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT ${_hubbub_component}
            PRE_EXCLUDE_REGEXES "^api-ms-" "^ext-ms-" "^[Qq]t6" "^hvsifiletrust" "^pdmutilities"
            POST_EXCLUDE_REGEXES "[/\\\\][Ss]ystem32[/\\\\]" "[/\\\\][Ww]indows[/\\\\]"
            DIRECTORIES ${HUBBUB_RUNTIME_DLL_DIRS})
    endforeach()
elseif(APPLE AND TARGET hubbub)
    # The app bundle holds the server and the CLI too (Contents/MacOS, see server/ and the
    # hubbub-cli rule above). Qt 6.4's qt_generate_deploy_app_script() deploys the bundle's
    # main program only, so this script is the one it writes plus the other two, given to
    # macdeployqt as -executable= (qt_deploy_runtime_dependencies' ADDITIONAL_EXECUTABLES).
    # macdeployqt also copies the non-Qt libraries (libsodium, OpenSSL, QtKeychain from
    # Homebrew) into the bundle and rewrites their paths.
    # macdeployqt changes the binaries after the linker signed them, and Apple silicon runs
    # nothing unsigned: the bundle is signed again at the end, ad hoc ("-") unless an identity
    # is given (a Developer ID also gets the hardened runtime, for notarization). Empty: none.
    set(HUBBUB_MACOS_SIGN_IDENTITY "-" CACHE STRING "codesign identity for hubbub.app (- : ad hoc)")
    set(_hubbub_extra "")
    foreach(_hubbub_target IN ITEMS hubbub-server hubbub-cli)
        if(TARGET ${_hubbub_target})
            string(APPEND _hubbub_extra
                " \"$<TARGET_FILE_NAME:hubbub>.app/Contents/MacOS/$<TARGET_FILE_NAME:${_hubbub_target}>\"")
        endif()
    endforeach()
    set(_hubbub_deploy ${PROJECT_BINARY_DIR}/packaging/deploy-macos.cmake)
    # The other programs are deployed when they are there (an install of one component).
    file(GENERATE OUTPUT ${_hubbub_deploy} CONTENT "include(\"${QT_DEPLOY_SUPPORT}\")
set(_extra \"\")
foreach(_program${_hubbub_extra})
    if(EXISTS \"\${QT_DEPLOY_PREFIX}/\${_program}\")
        list(APPEND _extra \"\${_program}\")
    endif()
endforeach()
qt_deploy_runtime_dependencies(
    EXECUTABLE \"$<TARGET_FILE_NAME:hubbub>.app\"
    ADDITIONAL_EXECUTABLES \${_extra})
set(_identity \"${HUBBUB_MACOS_SIGN_IDENTITY}\")
if(NOT _identity STREQUAL \"\")
    set(_options \"\")
    if(NOT _identity STREQUAL \"-\")
        set(_options --options runtime --timestamp)
    endif()
    execute_process(COMMAND codesign --force --deep \${_options} --sign \"\${_identity}\"
        \"\${QT_DEPLOY_PREFIX}/$<TARGET_FILE_NAME:hubbub>.app\" RESULT_VARIABLE _result)
    if(_result)
        message(FATAL_ERROR \"codesign failed: \${_result}\")
    endif()
endif()
")
    # Last in the install order (this file is included last), after the server is in place.
    install(SCRIPT ${_hubbub_deploy} COMPONENT hubbub)
endif()

# CPack.
set(CPACK_PACKAGE_NAME hubbub)
set(CPACK_PACKAGE_VENDOR "Hubbub")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "${HUBBUB_PACKAGE_MAINTAINER}")
if(HUBBUB_PACKAGE_HOMEPAGE)
    set(CPACK_PACKAGE_HOMEPAGE_URL "${HUBBUB_PACKAGE_HOMEPAGE}")
endif()
set(CPACK_PACKAGE_INSTALL_DIRECTORY "Hubbub")
set(CPACK_STRIP_FILES ON)
set(CPACK_COMPONENTS_ALL hubbub hubbub-server)
set(CPACK_COMPONENT_HUBBUB_DISPLAY_NAME "Hubbub app")
set(CPACK_COMPONENT_HUBBUB_DESCRIPTION "The desktop app and hubbub-cli, the command-line client.")
set(CPACK_COMPONENT_HUBBUB-SERVER_DISPLAY_NAME "Hubbub server")
set(CPACK_COMPONENT_HUBBUB-SERVER_DESCRIPTION "hubbub-server, the server of a local network.")
set(CPACK_COMPONENT_HUBBUB-SERVER_DISABLED ON) # the installers offer it unticked
set(CPACK_PACKAGE_EXECUTABLES hubbub "Hubbub")
set(CPACK_PACKAGE_FILE_NAME "hubbub-${PROJECT_VERSION}-${CMAKE_SYSTEM_NAME}")

if(UNIX AND NOT APPLE)
    set(CPACK_GENERATOR DEB)
    set(CPACK_DEB_COMPONENT_INSTALL ON)
    set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
    set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
    set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${HUBBUB_PACKAGE_MAINTAINER}")
    set(CPACK_DEBIAN_PACKAGE_SECTION net)
    set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
    set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
    set(CPACK_DEBIAN_COMPRESSION_TYPE xz)
    set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)

    set(CPACK_DEBIAN_HUBBUB_PACKAGE_NAME hubbub)
    set(CPACK_DEBIAN_HUBBUB_DESCRIPTION "feed and chat of a local network: desktop app
Hubbub is a self-hosted feed and chat for a local network. This package
holds the Qt desktop app: a live feed of posts with reviews and stars, chat
channels and direct messages, files, search and read state, working offline
and catching up when the server is back. hubbub-cli, the command-line
client for scripts, comes with it.")
    # Plugins that no library links: the window system (xcb, Wayland), the SVG icon, the
    # SQLite driver of the local cache.
    set(CPACK_DEBIAN_HUBBUB_PACKAGE_DEPENDS "qt6-qpa-plugins, libqt6svg6, libqt6sql6-sqlite")
    # Qt's own texts (standard dialogs) in the user's language; the native Wayland plugin.
    set(CPACK_DEBIAN_HUBBUB_PACKAGE_RECOMMENDS "qt6-translations-l10n, qt6-wayland")

    set(CPACK_DEBIAN_HUBBUB-SERVER_PACKAGE_NAME hubbub-server)
    set(CPACK_DEBIAN_HUBBUB-SERVER_DESCRIPTION "feed and chat of a local network: server
Hubbub is a self-hosted feed and chat for a local network. This package
holds hubbub-server, which keeps everything in one SQLite file and speaks
the Hubbub protocol (JSON over WebSocket, TLS by default) on port 7300.
It runs as the systemd service hubbub-server, as the system user hubbub,
with its data in /var/lib/hubbub and its options in
/etc/default/hubbub-server.")
    # The SQLite driver is a plugin; adduser 3.134 (Debian 12) has --comment.
    set(CPACK_DEBIAN_HUBBUB-SERVER_PACKAGE_DEPENDS "adduser (>= 3.134), libqt6sql6-sqlite")
    # WebP uploads need Qt's WebP plugin (without it they are refused as invalid).
    set(CPACK_DEBIAN_HUBBUB-SERVER_PACKAGE_RECOMMENDS "qt6-image-formats-plugins")
    set(_hubbub_scripts ${PROJECT_SOURCE_DIR}/packaging/debian/hubbub-server)
    file(WRITE ${PROJECT_BINARY_DIR}/packaging/conffiles "/etc/default/hubbub-server\n")
    set(CPACK_DEBIAN_HUBBUB-SERVER_PACKAGE_CONTROL_EXTRA
        ${PROJECT_BINARY_DIR}/packaging/conffiles
        ${_hubbub_scripts}/postinst ${_hubbub_scripts}/prerm ${_hubbub_scripts}/postrm)
elseif(WIN32)
    find_program(HUBBUB_MAKENSIS makensis)
    if(HUBBUB_MAKENSIS)
        set(CPACK_GENERATOR NSIS ZIP)
    else()
        set(CPACK_GENERATOR ZIP)
    endif()
    set(CPACK_NSIS_PACKAGE_NAME "Hubbub")
    set(CPACK_NSIS_DISPLAY_NAME "Hubbub")
    set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)
    set(CPACK_NSIS_INSTALLED_ICON_NAME "bin\\\\hubbub.exe")
    if(HUBBUB_PACKAGE_HOMEPAGE)
        set(CPACK_NSIS_URL_INFO_ABOUT "${HUBBUB_PACKAGE_HOMEPAGE}")
    endif()
    # The ZIP holds both programs in one folder.
    set(CPACK_ARCHIVE_COMPONENT_INSTALL OFF)
elseif(APPLE)
    set(CPACK_GENERATOR DragNDrop)
    set(CPACK_DMG_VOLUME_NAME "Hubbub")
endif()

include(CPack)
