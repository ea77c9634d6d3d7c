# tst_fuzzregressions: replays the inputs under tests/fuzz/ (corpus, corpus-from-tests,
# corpus-frames, regressions) through the fuzz targets' bodies with the normal compiler (no
# libFuzzer needed), as a plain CTest. Included by tests/CMakeLists.txt in every build and by
# tests/fuzz/CMakeLists.txt; defined once.
if(TARGET tst_fuzzregressions)
    return()
endif()
hubbub_add_test(NAME tst_fuzzregressions TIMEOUT 300
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/replay.cpp ${CMAKE_CURRENT_LIST_DIR}/fuzz_codec.cpp
            ${CMAKE_CURRENT_LIST_DIR}/fuzz_dispatch.cpp ${CMAKE_CURRENT_LIST_DIR}/fuzz_frames.cpp
            ${CMAKE_CURRENT_LIST_DIR}/fuzztargets.h
    LIBRARIES hubbub_test_support)
target_compile_definitions(tst_fuzzregressions PRIVATE
    HUBBUB_FUZZ_REPLAY HUBBUB_FUZZ_INPUTS="${CMAKE_CURRENT_LIST_DIR}")
