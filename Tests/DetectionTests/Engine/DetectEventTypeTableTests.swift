import XCTest
@testable import Detection

final class DetectEventTypeTableTests: XCTestCase {
    func testFindsEveryTypeAndNothingElse() {
        var map: [String: [Int]] = [:]
        for (index, name) in Self.knownTypes.enumerated() { map[name] = [index, index + 1] }
        let table = EventTypeTable(map)
        for (name, rules) in map { XCTAssertEqual(table.rules(for: name), rules, name) }
        XCTAssertNil(table.rules(for: "no_such_syscall"))
        XCTAssertNil(table.rules(for: ""))
        XCTAssertNil(EventTypeTable([:]).rules(for: "openat"))
    }

    /// A realistic key set: syscall names of the rules' dispatch.
    static let knownTypes = ["open", "openat", "openat2", "creat", "execve", "execveat", "connect", "accept",
                             "accept4", "clone", "clone3", "fork", "vfork", "read", "write", "close",
                             "socket", "sendto", "recvfrom", "dup", "dup2", "dup3", "fstat", "chmod",
                             "fchmod", "fchmodat", "unlink", "unlinkat", "rename", "renameat", "renameat2",
                             "mkdir", "mkdirat", "rmdir", "symlink", "symlinkat", "link", "linkat",
                             "setuid", "setgid", "ptrace", "mount", "umount2", "bpf", "init_module",
                             "finit_module", "memfd_create", "userfaultfd", "procexit", "container"]
}
