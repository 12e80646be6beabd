/* internalBinding('os'): the operating-system facts node:os reports, each read from libuv in one call.
 * lib/node/os.js validates arguments and shapes the results; functions that can fail take a context
 * object `ctx` last and, on failure, fill it with {errno, code, message, syscall} and return
 * undefined, so that JS throws Node's ERR_SYSTEM_ERROR. */
#include <dlfcn.h>
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <uv.h>

#include "engine/engine.h"
#include "runtime/bindings.h"

#define FN(name) static JSValueRef name(JSContextRef ctx, JSObjectRef f, JSObjectRef self, size_t argc, \
                                        const JSValueRef argv[], JSValueRef *exc)

/* Fills the context object (last argument) with a libuv error; returns undefined for the caller. */
static JSValueRef fail(JSContextRef ctx, size_t argc, const JSValueRef argv[], size_t ctx_index, int err,
                       const char *syscall) {
    if (argc > ctx_index && JSValueIsObject(ctx, argv[ctx_index])) {
        JSObjectRef o = (JSObjectRef)argv[ctx_index];
        dx_set(ctx, o, "errno", JSValueMakeNumber(ctx, err));
        dx_set(ctx, o, "code", dx_cstr_value(ctx, uv_err_name(err)));
        dx_set(ctx, o, "message", dx_cstr_value(ctx, uv_strerror(err)));
        dx_set(ctx, o, "syscall", dx_cstr_value(ctx, syscall));
    }
    return JSValueMakeUndefined(ctx);
}

static JSValueRef utf8_value(JSContextRef ctx, const char *s) {
    return dx_str_value(ctx, s, strlen(s));
}

/* getHostname(ctx) -> string */
FN(os_get_hostname) {
    char buf[UV_MAXHOSTNAMESIZE];
    size_t n = sizeof buf;
    int r = uv_os_gethostname(buf, &n);
    if (r) return fail(ctx, argc, argv, 0, r, "uv_os_gethostname");
    return dx_str_value(ctx, buf, n);
}

/* getHomeDirectory(ctx) -> string (HOME first, then the password database, as libuv does). */
FN(os_get_homedir) {
    char stack[4096];
    size_t n = sizeof stack;
    int r = uv_os_homedir(stack, &n);
    if (r == UV_ENOBUFS) {
        char *big = malloc(n);
        if (!big) return fail(ctx, argc, argv, 0, UV_ENOMEM, "uv_os_homedir");
        r = uv_os_homedir(big, &n);
        JSValueRef v = r ? fail(ctx, argc, argv, 0, r, "uv_os_homedir") : dx_str_value(ctx, big, n);
        free(big);
        return v;
    }
    if (r) return fail(ctx, argc, argv, 0, r, "uv_os_homedir");
    return dx_str_value(ctx, stack, n);
}

/* getOSInformation(ctx) -> [sysname, version, release, machine] */
FN(os_get_uname) {
    uv_utsname_t u;
    int r = uv_os_uname(&u);
    if (r) return fail(ctx, argc, argv, 0, r, "uv_os_uname");
    JSValueRef v[4] = {utf8_value(ctx, u.sysname), utf8_value(ctx, u.version), utf8_value(ctx, u.release),
                       utf8_value(ctx, u.machine)};
    return JSObjectMakeArray(ctx, 4, v, exc);
}

/* The current frequency in MHz from cpufreq, as the libuv Node 24 bundles reads it (older libuv
 * read "cpu MHz" from /proc/cpuinfo); 0 where the kernel exposes no cpufreq. */
static int cpu_speed(int cpu) {
#ifdef __linux__
    char path[96];
    snprintf(path, sizeof path, "/sys/devices/system/cpu/cpu%d/cpufreq/scaling_cur_freq", cpu);
    FILE *fp = fopen(path, "r");
    if (!fp) return 0;
    unsigned long khz = 0;
    if (fscanf(fp, "%lu", &khz) != 1) khz = 0;
    fclose(fp);
    return (int)(khz / 1000);
#else
    (void)cpu;
    return -1;
#endif
}

/* getCPUs() -> flat array: model, speed, user, nice, sys, idle, irq for each CPU; undefined on error. */
FN(os_get_cpus) {
    uv_cpu_info_t *cpus = NULL;
    int count = 0;
    if (uv_cpu_info(&cpus, &count) != 0) return JSValueMakeUndefined(ctx);
    JSValueRef *vals = malloc(sizeof(JSValueRef) * (size_t)(count > 0 ? count : 1) * 7);
    if (!vals) {
        uv_free_cpu_info(cpus, count);
        return JSValueMakeUndefined(ctx);
    }
    for (int i = 0; i < count; i++) {
        JSValueRef *p = vals + (size_t)i * 7;
        p[0] = utf8_value(ctx, cpus[i].model ? cpus[i].model : "");
        int speed = cpu_speed(i);
        p[1] = JSValueMakeNumber(ctx, speed >= 0 ? speed : cpus[i].speed);
        p[2] = JSValueMakeNumber(ctx, (double)cpus[i].cpu_times.user);
        p[3] = JSValueMakeNumber(ctx, (double)cpus[i].cpu_times.nice);
        p[4] = JSValueMakeNumber(ctx, (double)cpus[i].cpu_times.sys);
        p[5] = JSValueMakeNumber(ctx, (double)cpus[i].cpu_times.idle);
        p[6] = JSValueMakeNumber(ctx, (double)cpus[i].cpu_times.irq);
    }
    JSObjectRef arr = JSObjectMakeArray(ctx, (size_t)count * 7, vals, exc);
    free(vals);
    uv_free_cpu_info(cpus, count);
    return arr;
}

#ifdef __linux__
/* The first unsigned number in a small file, or 0. */
static uint64_t read_u64(const char *path) {
    FILE *fp = fopen(path, "r");
    if (!fp) return 0;
    unsigned long long v = 0;
    if (fscanf(fp, "%llu", &v) != 1) v = 0;
    fclose(fp);
    return (uint64_t)v;
}

/* The memory this process's cgroup uses now (v2 memory.current or v1 memory.usage_in_bytes), or 0
 * when unknown. The cgroup's own directory is tried first, then the mount's root (in a container
 * the cgroup namespace makes the root the process's own group). */
static uint64_t cgroup_memory_usage(void) {
    char line[512], path[1024];
    uint64_t v = 0;
    FILE *fp = fopen("/proc/self/cgroup", "r");
    if (!fp) return 0;
    while (!v && fgets(line, sizeof line, fp)) {
        line[strcspn(line, "\n")] = 0;
        const char *rel = NULL;
        const char *dir = NULL, *file = NULL;
        char *m = strstr(line, ":memory:");
        if (strncmp(line, "0::", 3) == 0) {
            rel = line + 3;
            dir = "/sys/fs/cgroup";
            file = "memory.current";
        } else if (m) {
            rel = m + 8;
            dir = "/sys/fs/cgroup/memory";
            file = "memory.usage_in_bytes";
        }
        if (!rel) continue;
        snprintf(path, sizeof path, "%s%s/%s", dir, rel, file);
        v = read_u64(path);
        if (!v) {
            snprintf(path, sizeof path, "%s/%s", dir, file);
            v = read_u64(path);
        }
    }
    fclose(fp);
    return v;
}
#endif

/* getFreeMem() -> bytes still available: under a cgroup memory limit below physical memory, the
 * limit minus the group's usage (what Node 24's libuv reports as available memory); else the
 * kernel's available memory. */
FN(os_get_free_mem) {
    uint64_t free_mem = uv_get_free_memory();
#ifdef __linux__
    uint64_t limit = uv_get_constrained_memory();
    if (limit != 0 && limit < uv_get_total_memory()) {
        uint64_t used = cgroup_memory_usage();
        if (used != 0) free_mem = used >= limit ? 0 : limit - used;
    }
#endif
    return JSValueMakeNumber(ctx, (double)free_mem);
}

FN(os_get_total_mem) {
    return JSValueMakeNumber(ctx, (double)uv_get_total_memory());
}

/* getLoadAvg(array) fills array[0..2]. */
FN(os_get_loadavg) {
    double avg[3];
    uv_loadavg(avg);
    if (argc > 0 && JSValueIsObject(ctx, argv[0]))
        for (unsigned i = 0; i < 3; i++)
            JSObjectSetPropertyAtIndex(ctx, (JSObjectRef)argv[0], i, JSValueMakeNumber(ctx, avg[i]), exc);
    return JSValueMakeUndefined(ctx);
}

/* getUptime(ctx) -> seconds */
FN(os_get_uptime) {
    double up;
    int r = uv_uptime(&up);
    if (r) return fail(ctx, argc, argv, 0, r, "uv_uptime");
    return JSValueMakeNumber(ctx, up);
}

FN(os_get_parallelism) {
    return JSValueMakeNumber(ctx, uv_available_parallelism());
}

static int format_ip(const uv_interface_address_t *a, char *ip, char *mask) {
    if (a->address.address4.sin_family == AF_INET) {
        uv_ip4_name(&a->address.address4, ip, INET6_ADDRSTRLEN);
        uv_ip4_name(&a->netmask.netmask4, mask, INET6_ADDRSTRLEN);
        return 4;
    }
    if (a->address.address4.sin_family == AF_INET6) {
        uv_ip6_name(&a->address.address6, ip, INET6_ADDRSTRLEN);
        uv_ip6_name(&a->netmask.netmask6, mask, INET6_ADDRSTRLEN);
        return 6;
    }
    return 0;
}

/* getInterfaceAddresses(ctx) -> flat array: name, address, netmask, family (4/6), mac, internal,
 * scopeid (-1 for IPv4) per address. Addresses of other families are skipped. */
FN(os_get_interfaces) {
    uv_interface_address_t *ifs = NULL;
    int count = 0;
    int r = uv_interface_addresses(&ifs, &count);
    if (r) return fail(ctx, argc, argv, 0, r, "uv_interface_addresses");
    JSValueRef *vals = malloc(sizeof(JSValueRef) * (size_t)(count > 0 ? count : 1) * 7);
    if (!vals) {
        uv_free_interface_addresses(ifs, count);
        return fail(ctx, argc, argv, 0, UV_ENOMEM, "uv_interface_addresses");
    }
    size_t n = 0;
    for (int i = 0; i < count; i++) {
        char ip[INET6_ADDRSTRLEN] = "", mask[INET6_ADDRSTRLEN] = "", mac[18];
        int fam = format_ip(&ifs[i], ip, mask);
        if (!fam) continue;
        const unsigned char *m = (const unsigned char *)ifs[i].phys_addr;
        snprintf(mac, sizeof mac, "%02x:%02x:%02x:%02x:%02x:%02x", m[0], m[1], m[2], m[3], m[4], m[5]);
        vals[n++] = utf8_value(ctx, ifs[i].name);
        vals[n++] = utf8_value(ctx, ip);
        vals[n++] = utf8_value(ctx, mask);
        vals[n++] = JSValueMakeNumber(ctx, fam);
        vals[n++] = utf8_value(ctx, mac);
        vals[n++] = JSValueMakeBoolean(ctx, ifs[i].is_internal);
        vals[n++] = JSValueMakeNumber(ctx, fam == 6 ? (double)ifs[i].address.address6.sin6_scope_id : -1);
    }
    JSObjectRef arr = JSObjectMakeArray(ctx, n, vals, exc);
    free(vals);
    uv_free_interface_addresses(ifs, count);
    return arr;
}

/* getUserInfo(ctx) -> [uid, gid, username, homedir, shell|null] of the current user. */
FN(os_get_user_info) {
    uv_passwd_t pw;
    int r = uv_os_get_passwd(&pw);
    if (r) return fail(ctx, argc, argv, 0, r, "uv_os_get_passwd");
    JSValueRef v[5] = {
        JSValueMakeNumber(ctx, (double)pw.uid),
        JSValueMakeNumber(ctx, (double)pw.gid),
        utf8_value(ctx, pw.username),
        utf8_value(ctx, pw.homedir),
        pw.shell ? utf8_value(ctx, pw.shell) : JSValueMakeNull(ctx),
    };
    uv_os_free_passwd(&pw);
    return JSObjectMakeArray(ctx, 5, v, exc);
}

/* getPriority(pid, ctx) -> number; the caller has validated pid as an int32. */
FN(os_get_priority) {
    if (argc < 1) return JSValueMakeUndefined(ctx);
    int prio = 0;
    int r = uv_os_getpriority((uv_pid_t)JSValueToNumber(ctx, argv[0], NULL), &prio);
    if (r) return fail(ctx, argc, argv, 1, r, "uv_os_getpriority");
    return JSValueMakeNumber(ctx, prio);
}

/* setPriority(pid, priority, ctx) -> 0, or undefined with ctx filled. */
FN(os_set_priority) {
    if (argc < 2) return JSValueMakeUndefined(ctx);
    int r = uv_os_setpriority((uv_pid_t)JSValueToNumber(ctx, argv[0], NULL),
                              (int)JSValueToNumber(ctx, argv[1], NULL));
    if (r) return fail(ctx, argc, argv, 2, r, "uv_os_setpriority");
    return JSValueMakeNumber(ctx, 0);
}

/* --- constants ---------------------------------------------------------------------------------- */

typedef struct named_int {
    const char *name;
    int value;
} named_int;

#define C(x) {#x, x},
static const named_int signal_table[] = {
#ifdef SIGHUP
    C(SIGHUP)
#endif
    C(SIGINT) C(SIGQUIT) C(SIGILL) C(SIGTRAP) C(SIGABRT)
#ifdef SIGIOT
    C(SIGIOT)
#endif
    C(SIGBUS) C(SIGFPE) C(SIGKILL) C(SIGUSR1) C(SIGSEGV) C(SIGUSR2) C(SIGPIPE) C(SIGALRM) C(SIGTERM)
    C(SIGCHLD)
#ifdef SIGSTKFLT
    C(SIGSTKFLT)
#endif
    C(SIGCONT) C(SIGSTOP) C(SIGTSTP)
#ifdef SIGBREAK
    C(SIGBREAK)
#endif
    C(SIGTTIN) C(SIGTTOU) C(SIGURG) C(SIGXCPU) C(SIGXFSZ) C(SIGVTALRM) C(SIGPROF) C(SIGWINCH)
#ifdef SIGIO
    C(SIGIO)
#endif
#ifdef SIGPOLL
    C(SIGPOLL)
#endif
#ifdef SIGLOST
    C(SIGLOST)
#endif
#ifdef SIGPWR
    C(SIGPWR)
#endif
#ifdef SIGINFO
    C(SIGINFO)
#endif
    C(SIGSYS)
#ifdef SIGUNUSED
    C(SIGUNUSED)
#endif
    {NULL, 0},
};

static const named_int errno_table[] = {
    C(E2BIG) C(EACCES) C(EADDRINUSE) C(EADDRNOTAVAIL) C(EAFNOSUPPORT) C(EAGAIN) C(EALREADY) C(EBADF)
    C(EBADMSG) C(EBUSY) C(ECANCELED) C(ECHILD) C(ECONNABORTED) C(ECONNREFUSED) C(ECONNRESET) C(EDEADLK)
    C(EDESTADDRREQ) C(EDOM) C(EDQUOT) C(EEXIST) C(EFAULT) C(EFBIG) C(EHOSTUNREACH) C(EIDRM) C(EILSEQ)
    C(EINPROGRESS) C(EINTR) C(EINVAL) C(EIO) C(EISCONN) C(EISDIR) C(ELOOP) C(EMFILE) C(EMLINK) C(EMSGSIZE)
    C(EMULTIHOP) C(ENAMETOOLONG) C(ENETDOWN) C(ENETRESET) C(ENETUNREACH) C(ENFILE) C(ENOBUFS)
#ifdef ENODATA
    C(ENODATA)
#endif
    C(ENODEV) C(ENOENT) C(ENOEXEC) C(ENOLCK) C(ENOLINK) C(ENOMEM) C(ENOMSG) C(ENOPROTOOPT) C(ENOSPC)
#ifdef ENOSR
    C(ENOSR)
#endif
#ifdef ENOSTR
    C(ENOSTR)
#endif
    C(ENOSYS) C(ENOTCONN) C(ENOTDIR) C(ENOTEMPTY) C(ENOTSOCK) C(ENOTSUP) C(ENOTTY) C(ENXIO)
    C(EOPNOTSUPP) C(EOVERFLOW) C(EPERM) C(EPIPE) C(EPROTO) C(EPROTONOSUPPORT) C(EPROTOTYPE) C(ERANGE)
    C(EROFS) C(ESPIPE) C(ESRCH) C(ESTALE)
#ifdef ETIME
    C(ETIME)
#endif
    C(ETIMEDOUT) C(ETXTBSY) C(EWOULDBLOCK) C(EXDEV)
    {NULL, 0},
};

static const named_int dlopen_table[] = {
    C(RTLD_LAZY) C(RTLD_NOW) C(RTLD_GLOBAL) C(RTLD_LOCAL)
#ifdef RTLD_DEEPBIND
    C(RTLD_DEEPBIND)
#endif
    {NULL, 0},
};
#undef C

static const named_int priority_table[] = {
    {"PRIORITY_LOW", UV_PRIORITY_LOW},
    {"PRIORITY_BELOW_NORMAL", UV_PRIORITY_BELOW_NORMAL},
    {"PRIORITY_NORMAL", UV_PRIORITY_NORMAL},
    {"PRIORITY_ABOVE_NORMAL", UV_PRIORITY_ABOVE_NORMAL},
    {"PRIORITY_HIGH", UV_PRIORITY_HIGH},
    {"PRIORITY_HIGHEST", UV_PRIORITY_HIGHEST},
    {NULL, 0},
};

static JSObjectRef table_object(JSContextRef ctx, const named_int *t) {
    JSObjectRef o = JSObjectMake(ctx, NULL, NULL);
    JSObjectSetPrototype(ctx, o, JSValueMakeNull(ctx));
    for (; t->name; t++) dx_set(ctx, o, t->name, JSValueMakeNumber(ctx, t->value));
    return o;
}

/* getConstants() -> {UV_UDP_REUSEADDR, dlopen, errno, signals, priority}, null-prototype objects. */
FN(os_get_constants) {
    JSObjectRef o = JSObjectMake(ctx, NULL, NULL);
    JSObjectSetPrototype(ctx, o, JSValueMakeNull(ctx));
    dx_set(ctx, o, "UV_UDP_REUSEADDR", JSValueMakeNumber(ctx, UV_UDP_REUSEADDR));
    dx_set(ctx, o, "dlopen", table_object(ctx, dlopen_table));
    dx_set(ctx, o, "errno", table_object(ctx, errno_table));
    dx_set(ctx, o, "signals", table_object(ctx, signal_table));
    dx_set(ctx, o, "priority", table_object(ctx, priority_table));
    return o;
}

JSObjectRef dx__os_binding(JSContextRef ctx) {
    static const dx_fn_entry fns[] = {
        {"getHostname", os_get_hostname},
        {"getHomeDirectory", os_get_homedir},
        {"getOSInformation", os_get_uname},
        {"getCPUs", os_get_cpus},
        {"getFreeMem", os_get_free_mem},
        {"getTotalMem", os_get_total_mem},
        {"getLoadAvg", os_get_loadavg},
        {"getUptime", os_get_uptime},
        {"getAvailableParallelism", os_get_parallelism},
        {"getInterfaceAddresses", os_get_interfaces},
        {"getUserInfo", os_get_user_info},
        {"getPriority", os_get_priority},
        {"setPriority", os_set_priority},
        {"getConstants", os_get_constants},
        {NULL, NULL},
    };
    return dx_make_binding(ctx, fns);
}
