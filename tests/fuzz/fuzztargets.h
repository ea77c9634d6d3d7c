#pragma once

#include <cstddef>
#include <cstdint>

//! The fuzz targets' bodies, callable both from libFuzzer's entry points (fuzz_*.cpp built with
//! -fsanitize=fuzzer) and from the standalone replay test (replay.cpp, any compiler).
namespace Hubbub::Fuzz {

//! One input = one text frame through Codec::decodeRequest, Params and Validation.
void codec(const std::uint8_t *data, std::size_t size);

//! One input = an upgrade request and/or client frames through Handshake, FrameReader and
//! WireFrame (the layout is in fuzz_frames.cpp).
void frames(const std::uint8_t *data, std::size_t size);

//! Starts the in-process server and the clients once; idempotent.
void initDispatch(int *argc, char ***argv);
//! One input = one frame sent to the running server over a real WebSocket.
void dispatch(const std::uint8_t *data, std::size_t size);

} // namespace Hubbub::Fuzz
