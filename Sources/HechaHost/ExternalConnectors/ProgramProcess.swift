#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One run of a connector program: started in a process group of its own with its request on
/// standard input, read line by line from standard output until a deadline, and always ended and
/// reaped (the whole group is killed on a timeout or when Hecha stops reading), so that no
/// program, nor any child it started, outlives the run or is left a zombie.
///
/// This is the one place with raw POSIX process and file-descriptor calls (`posix_spawn`, `poll`,
/// `read`, `waitid`, `killpg`): Foundation's `Process` can neither put a program in a process group
/// of its own nor kill that group, and a hanging program's children must die with it.
final class ProgramProcess {
    /// How a run of the program ended.
    enum Ending: Equatable {
        /// Exited by itself with this status.
        case exited(Int32)
        /// Killed by this signal (not by Hecha).
        case signalled(Int32)
        /// Still running at the deadline: Hecha killed its process group.
        case timedOut
        /// Hecha stopped reading (a message it could not use) and killed its process group.
        case stopped
    }

    /// The longest stdout line kept: longer is a protocol error (the record limit of exports).
    static let maxLineBytes = 16 << 20
    /// How much of standard error is kept, from its end.
    static let stderrKeptBytes = 16 << 10

    private let pid: pid_t
    private var out: Int32
    private var err: Int32
    private var stderrTail: [UInt8] = []
    private var reaped = false

    /// Starts `command` (looked up in `PATH` when it has no `/`) in `directory`, its standard input
    /// holding `input` and then the end of the file.
    init(command: [String], directory: String, input: [UInt8]) throws(ProgramStartError) {
        precondition(!command.isEmpty, "a command names at least the program")
        var inPipe: [Int32] = [-1, -1], outPipe: [Int32] = [-1, -1], errPipe: [Int32] = [-1, -1]
        guard pipe(&inPipe) == 0, pipe(&outPipe) == 0, pipe(&errPipe) == 0 else { throw ProgramStartError(reason: Self.errnoText()) }
        // the request is small (below a pipe's buffer): written before the program exists, so
        // writing can neither block nor meet a closed pipe
        let wrote = input.withUnsafeBytes { write(inPipe[1], $0.baseAddress, $0.count) }
        close(inPipe[1])
        guard wrote == input.count else {
            for fd in [inPipe[0], outPipe[0], outPipe[1], errPipe[0], errPipe[1]] { close(fd) }
            throw ProgramStartError(reason: "the request did not fit in the pipe")
        }
        #if canImport(Glibc)
        var actions = posix_spawn_file_actions_t()
        var attributes = posix_spawnattr_t()
        #else
        var actions: posix_spawn_file_actions_t?
        var attributes: posix_spawnattr_t?
        #endif
        posix_spawn_file_actions_init(&actions)
        posix_spawnattr_init(&attributes)
        defer {
            posix_spawn_file_actions_destroy(&actions)
            posix_spawnattr_destroy(&attributes)
        }
        posix_spawn_file_actions_adddup2(&actions, inPipe[0], 0)
        posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)
        for fd in [inPipe[0], outPipe[0], outPipe[1], errPipe[0], errPipe[1]] { posix_spawn_file_actions_addclose(&actions, fd) }
        // nothing else of Hecha's: not the output folder's lock, not another program's pipes
        var flags = Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK)
        Self.closeOtherDescriptors(&actions, flags: &flags)
        // a group of its own (killed whole), no signal blocked that Hecha's threads block
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, flags)
        var child: pid_t = 0
        // the shell changes to `directory` and replaces itself with the program (same process,
        // same group): posix_spawn's own chdir action is not in every C library
        let shell = ["/bin/sh", "-c", "cd \"$0\" && exec \"$@\"", directory] + command
        let argv: [UnsafeMutablePointer<CChar>?] = shell.map { strdup($0) } + [nil]
        defer { for a in argv { free(a) } }
        let status = posix_spawn(&child, "/bin/sh", &actions, &attributes, argv, environ)
        for fd in [inPipe[0], outPipe[1], errPipe[1]] { close(fd) }
        guard status == 0 else {
            close(outPipe[0]); close(errPipe[0])
            throw ProgramStartError(reason: String(cString: strerror(status)))
        }
        pid = child
        out = outPipe[0]
        err = errPipe[0]
    }

    #if canImport(Glibc)
    /// `posix_spawn_file_actions_addclosefrom_np` (glibc 2.34 and later), looked up at run time:
    /// Swift's Glibc module does not declare it.
    private typealias AddCloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
    private static let addCloseFrom: AddCloseFrom? = dlsym(dlopen(nil, RTLD_NOW), "posix_spawn_file_actions_addclosefrom_np")
        .map { unsafeBitCast($0, to: AddCloseFrom.self) }
    #endif

    /// Makes the child close every descriptor above standard error after the pipes are in place.
    /// A descriptor opened without close-on-exec (by Hecha, a library, or another test in the same
    /// process) would otherwise live on in the program: the output folder's lock would stay held
    /// after the run released it, and a program's pipe would not reach its end while another
    /// program keeps a copy of it.
    #if canImport(Glibc)
    private static func closeOtherDescriptors(_ actions: inout posix_spawn_file_actions_t, flags: inout Int16) {
        if let addCloseFrom { _ = addCloseFrom(&actions, 3) }
    }
    #else
    private static func closeOtherDescriptors(_ actions: inout posix_spawn_file_actions_t?, flags: inout Int16) {
        flags |= Int16(POSIX_SPAWN_CLOEXEC_DEFAULT)
    }
    #endif

    deinit {
        if !reaped { kill(andWait: true) }
        if out >= 0 { close(out) }
        if err >= 0 { close(err) }
    }

    /// Hands every line of standard output (without its line end) to `line` until the output
    /// ends, `line` returns false, or `deadline` (a ``MonotonicClock`` time) passes; then ends
    /// the program and says how it ended.
    func readLines(until deadline: Double, _ line: (ArraySlice<UInt8>) -> Bool) -> Ending {
        var buffer: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        var keepReading = true
        while out >= 0 && keepReading {
            let left = deadline - MonotonicClock.now()
            if left <= 0 { return end(.timedOut) }
            var fds = [pollfd(fd: out, events: Int16(POLLIN), revents: 0), pollfd(fd: err, events: Int16(POLLIN), revents: 0)]
            let ready = poll(&fds, fds[1].fd >= 0 ? 2 : 1, Int32(min(left, 1.0) * 1000) + 1)
            if ready < 0 && errno == EINTR { continue }
            if err >= 0 && fds[1].revents != 0 { drainStderr(&chunk) }
            guard fds[0].revents != 0 else { continue }
            let n = chunk.withUnsafeMutableBytes { read(out, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 {
                close(out); out = -1
                if !buffer.isEmpty { keepReading = line(buffer[...]) }
                break
            }
            var start = buffer.count
            buffer.append(contentsOf: chunk[0..<n])
            var from = 0
            while let nl = buffer[start...].firstIndex(of: 0x0A) {
                let end = nl > from && buffer[nl - 1] == 0x0D ? nl - 1 : nl
                if !line(buffer[from..<end]) { keepReading = false; break }
                from = nl + 1
                start = from
            }
            buffer.removeFirst(from)
            if keepReading && buffer.count > Self.maxLineBytes {
                keepReading = line(buffer[...])   // an unended line too long: handed over, cut, to be refused
                buffer.removeAll()
            }
        }
        if !keepReading { return end(.stopped) }
        return waitForExit(until: deadline)
    }

    /// The last `count` lines the program wrote to standard error (at most ``stderrKeptBytes``).
    func lastStderrLines(_ count: Int = 10) -> [String] {
        var chunk = [UInt8](repeating: 0, count: 65536)
        if err >= 0 { drainStderr(&chunk) }
        let text = String(decoding: stderrTail, as: UTF8.self)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: true).map { String($0.prefix(300)) }
        return Array(lines.suffix(count))
    }

    private func drainStderr(_ chunk: inout [UInt8]) {
        while err >= 0 {
            var fd = pollfd(fd: err, events: Int16(POLLIN), revents: 0)
            guard poll(&fd, 1, 0) > 0 else { return }
            let n = chunk.withUnsafeMutableBytes { read(err, $0.baseAddress, $0.count) }
            if n <= 0 {
                if n < 0 && errno == EINTR { continue }
                close(err); err = -1
                return
            }
            stderrTail.append(contentsOf: chunk[0..<n])
            if stderrTail.count > Self.stderrKeptBytes { stderrTail.removeFirst(stderrTail.count - Self.stderrKeptBytes) }
        }
    }

    /// Standard output has ended: waits for the program to exit until `deadline`.
    private func waitForExit(until deadline: Double) -> Ending {
        var chunk = [UInt8](repeating: 0, count: 4096)
        while MonotonicClock.now() < deadline {
            var info = siginfo_t()
            // WNOWAIT: the exited program stays a zombie, so its group id cannot be taken by a
            // new process before what is left of its group is killed
            if waitid(P_PID, id_t(pid), &info, WEXITED | WNOHANG | WNOWAIT) == 0, Self.childID(info) == pid {
                killpg(pid, SIGKILL)   // any child it left behind
                let ending = reap()
                drainStderr(&chunk)
                return ending
            }
            if err >= 0 { drainStderr(&chunk) }
            usleep(10_000)
        }
        return end(.timedOut)
    }

    /// Kills the group and reaps the program, ending as `ending`.
    private func end(_ ending: Ending) -> Ending {
        kill(andWait: true)
        // what it had written to standard error before it was killed
        var chunk = [UInt8](repeating: 0, count: 4096)
        drainStderr(&chunk)
        return ending
    }

    private func kill(andWait: Bool) {
        guard !reaped else { return }
        killpg(pid, SIGKILL)
        if andWait { _ = reap() }
    }

    @discardableResult
    private func reap() -> Ending {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        reaped = true
        // the status word: low 7 bits the signal, else bits 8–15 the exit status
        let signal = status & 0x7F
        return signal == 0 ? .exited((status >> 8) & 0xFF) : .signalled(signal)
    }

    private static func childID(_ info: siginfo_t) -> pid_t {
        #if canImport(Glibc)
        return info._sifields._sigchld.si_pid
        #else
        return info.si_pid
        #endif
    }

    private static func errnoText() -> String { String(cString: strerror(errno)) }
}

/// The program could not be started (not found, not executable).
struct ProgramStartError: Error {
    var reason: String
}

/// A monotonic clock in seconds, for deadlines.
enum MonotonicClock {
    static func now() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }
}
