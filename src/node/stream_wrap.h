/* internalBinding('stream_wrap'): libuv stream handles (uv_stream_t) as JS handle objects, with the
 * handle kinds as thin layers over one generic wrapper: Pipe (uv_pipe_t), TTY (uv_tty_t), and TCP
 * (uv_tcp_t, opened on an existing fd). lib/internal/stream_base.js builds the Duplex on top. */
#ifndef DX_NODE_STREAM_WRAP_H
#define DX_NODE_STREAM_WRAP_H

#include <JavaScriptCore/JavaScript.h>

JSObjectRef dx__stream_wrap_binding(JSContextRef ctx);

/* Opens /dev/null on whichever of fds 0-2 the process was started without (as Node does), so that
 * no file opened later takes their place. Called once at start-up, before anything opens a file. */
void dx_stdio_init(void);

/* Puts fds 0-2 back as the process found them (terminal mode, O_NONBLOCK), as Node does before it
 * exits. Safe to call when no stdio handle was ever opened; called by dx_really_exit. */
void dx_stdio_reset(void);

#endif
