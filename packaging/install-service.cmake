# Runs at install time (cmake --install, cpack), in the hubbub-server component on Linux:
# installs the systemd unit and /etc/default/hubbub-server with paths that follow the
# prefix of *this* install, which is not known when the project is configured (the build
# tree's CMAKE_INSTALL_PREFIX is /usr/local by default, cpack installs to /usr).
#
# In: HUBBUB_PACKAGING_DIR (this folder), HUBBUB_STAGING_DIR (a folder of the build tree),
#     HUBBUB_BINDIR and HUBBUB_DOCDIR (relative to the prefix, from GNUInstallDirs).
# Prefix /usr: /usr/lib/systemd/system and /etc/default. Any other prefix P (/usr/local,
# /opt/hubbub, a scratch folder): P/lib/systemd/system and P/etc/default; systemd reads
# /usr/local/lib/systemd/system too, an /opt prefix needs `systemctl link`.

string(REGEX REPLACE "/+$" "" _prefix "${CMAKE_INSTALL_PREFIX}")
if(_prefix STREQUAL "/usr")
    set(_sysconfdir "/etc")
else()
    set(_sysconfdir "${_prefix}/etc")
endif()

set(HUBBUB_SERVER_BINARY "${_prefix}/${HUBBUB_BINDIR}/hubbub-server")
set(HUBBUB_DEFAULT_FILE "${_sysconfdir}/default/hubbub-server")
set(HUBBUB_DOC_DIR "${_prefix}/${HUBBUB_DOCDIR}")
configure_file("${HUBBUB_PACKAGING_DIR}/hubbub-server.service.in"
    "${HUBBUB_STAGING_DIR}/hubbub-server.service" @ONLY)

# file(INSTALL) adds DESTDIR (cpack's staging folder) and records the files in the manifest.
file(INSTALL DESTINATION "${_prefix}/lib/systemd/system" TYPE FILE
    FILES "${HUBBUB_STAGING_DIR}/hubbub-server.service")
file(INSTALL DESTINATION "${_sysconfdir}/default" TYPE FILE
    FILES "${HUBBUB_PACKAGING_DIR}/hubbub-server.default" RENAME hubbub-server)
