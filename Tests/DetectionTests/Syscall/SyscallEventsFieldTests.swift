import XCTest
@testable import Detection

/// Field semantics on hand-built events, as libsinsp defines them.
final class SyscallEventsFieldTests: XCTestCase {
    typealias Support = SyscallEventsTestSupport

    func process(_ pid: Int64, _ comm: String, exe: String, args: [String] = [], parent: SyscallThread?,
                 uid: Int64 = 0) -> SyscallThread {
        var info = SyscallProcessInfo()
        info.tid = pid
        info.pid = pid
        info.ppid = parent?.info.pid ?? 0
        info.comm = comm
        info.exe = exe
        info.exePath = exe
        info.args = args
        info.cwd = "/home/alice"
        info.uid = uid
        info.gid = uid
        info.loginUID = 1000
        info.sid = parent?.info.sid ?? pid
        info.vpid = pid
        info.tty = 34817
        info.startTime = 1_000
        let user = SyscallUserInfo(uid: uid, gid: uid, name: uid == 0 ? "root" : "alice")
        return SyscallThread(info: info, parent: parent, user: user, group: user,
                             loginUser: SyscallUserInfo(uid: 1000, gid: 1000, name: "alice"))
    }

    func lineage() -> SyscallThread {
        let sshd = process(900, "sshd", exe: "/usr/sbin/sshd", parent: nil)
        let bash = process(1000, "bash", exe: "-bash", parent: sshd, uid: 1000)
        return process(1001, "cat", exe: "cat", args: ["/etc/shadow", "-n"], parent: bash, uid: 1000)
    }

    func openEvent(flags: Int64 = 1 | 4096) -> SyscallEvent {
        var info = SyscallFDInfo(number: 3, type: .file, path: "/etc/shadow")
        info.openFlags = flags
        let params = [SyscallParam(name: "fd", type: .fd, value: .int(3)),
                      SyscallParam(name: "dirfd", type: .fd, value: .int(-100)),
                      SyscallParam(name: "name", type: .string, value: .string("/etc/shadow")),
                      SyscallParam(name: "flags", type: .flags, value: .int(flags), flagTable: .openFlags)]
        return SyscallEvent(number: 7, timestamp: 5_000_000_001_000, direction: .exit, type: "openat", params: params,
                            thread: lineage(), fd: SyscallFD(info))
    }

    func testProcessAndAncestors() {
        let event = openEvent()
        XCTAssertEqual(Support.text("proc.name", event), "cat")
        XCTAssertEqual(Support.text("proc.pname", event), "bash")
        XCTAssertEqual(Support.text("proc.aname[0]", event), "cat")
        XCTAssertEqual(Support.text("proc.aname[1]", event), "bash")
        XCTAssertEqual(Support.text("proc.aname[2]", event), "sshd")
        XCTAssertNil(Support.value("proc.aname[3]", event))
        XCTAssertEqual(Support.text("proc.aexepath[2]", event), "/usr/sbin/sshd")
        XCTAssertEqual(Support.text("proc.cmdline", event), "cat /etc/shadow -n")
        XCTAssertEqual(Support.text("proc.pcmdline", event), "bash")
        XCTAssertEqual(Support.text("proc.args", event), "/etc/shadow -n")
        XCTAssertEqual(Support.text("proc.pexe", event), "-bash")
        XCTAssertEqual(Support.text("proc.sname", event), "sshd")
        XCTAssertEqual(Support.text("proc.tty", event), "34817")
        XCTAssertEqual(Support.text("proc.cwd", event), "/home/alice")
        XCTAssertEqual(Support.text("user.name", event), "alice")
        XCTAssertEqual(Support.text("user.loginname", event), "alice")
        XCTAssertEqual(Support.text("user.loginuid", event), "1000")
        XCTAssertEqual(Support.text("container.id", event), "host")
        XCTAssertTrue(try Support.matches("proc.aname=sshd", event))
        XCTAssertFalse(try Support.matches("proc.aname=cron", event))
        XCTAssertTrue(try Support.matches("proc.pname in (bash, sh) and proc.aname[2] startswith ssh", event))
    }

    func testOpenFields() throws {
        let event = openEvent()
        XCTAssertEqual(Support.text("evt.type", event), "openat")
        XCTAssertEqual(Support.text("evt.dir", event), "<")
        XCTAssertEqual(Support.text("evt.num", event), "7")
        XCTAssertEqual(Support.text("evt.rawres", event), "3")
        XCTAssertEqual(Support.text("evt.res", event), "SUCCESS")
        XCTAssertEqual(Support.text("evt.arg.flags", event), "O_RDONLY|O_CLOEXEC")
        XCTAssertEqual(Support.text("evt.arg[3]", event), "O_RDONLY|O_CLOEXEC")
        XCTAssertEqual(Support.text("evt.rawarg.flags", event), "4097")
        XCTAssertEqual(Support.text("evt.arg.name", event), "/etc/shadow")
        XCTAssertEqual(Support.text("evt.args", event),
                       "fd=3(<f>/etc/shadow) dirfd=-100(AT_FDCWD) name=/etc/shadow flags=4097(O_RDONLY|O_CLOEXEC)")
        XCTAssertEqual(Support.text("fd.directory", event), "/etc")
        XCTAssertEqual(Support.text("fd.filename", event), "shadow")
        XCTAssertEqual(Support.text("evt.is_open_read", event), "true")
        XCTAssertEqual(Support.text("evt.is_open_write", event), "false")
        XCTAssertTrue(try Support.matches("evt.arg.flags contains O_CLOEXEC and fd.typechar='f' and fd.num>=0", event))
        XCTAssertEqual(Support.text("evt.is_open_write", openEvent(flags: 2 | 256)), "true")
        XCTAssertTrue(try Support.matches("evt.arg.flags contains O_TRUNC", openEvent(flags: 2 | 256)))
        XCTAssertEqual(Support.text("evt.time.iso8601", event), "1970-01-01T01:23:20.000001000Z")
        XCTAssertEqual(Support.text("proc.duration", event), String(5_000_000_001_000 - 1_000))
    }

    func testSocketNamesAndRoles() throws {
        var info = SyscallFDInfo(number: 5, type: .ipv4)
        info.clientAddress = [10, 0, 0, 7]
        info.clientPort = 51_000
        info.serverAddress = [10, 96, 0, 1]
        info.serverPort = 443
        info.l4Protocol = .tcp
        info.isConnected = true
        let client = SyscallEvent(number: 1, timestamp: 1, direction: .exit, type: "connect", thread: lineage(),
                                  fd: SyscallFD(info))
        XCTAssertEqual(Support.text("fd.name", client), "10.0.0.7:51000->10.96.0.1:443")
        XCTAssertEqual(Support.text("fd.rip", client), "10.96.0.1")
        XCTAssertEqual(Support.text("fd.lport", client), "51000")
        XCTAssertEqual(Support.text("fd.is_server", client), "false")
        XCTAssertEqual(Support.text("fd.sockfamily", client), "ip")
        XCTAssertTrue(try Support.matches("fd.sip=10.96.0.1 and fd.sport=443 and fd.snet=\"10.96.0.0/12\"", client))
        info.isServerRole = true
        let server = SyscallEvent(number: 2, timestamp: 2, direction: .exit, type: "accept", thread: lineage(),
                                  fd: SyscallFD(info))
        XCTAssertEqual(Support.text("fd.lport", server), "443")
        XCTAssertEqual(Support.text("fd.rip", server), "10.0.0.7")
        XCTAssertEqual(SyscallAddressFormat.address([0x20, 0x01, 0x0d, 0xb8] + [UInt8](repeating: 0, count: 11) + [1]),
                       "2001:db8::1")
    }

    func testContainerFields() throws {
        var container = SyscallContainerInfo(id: "3ad7b26ded6d" + String(repeating: "a", count: 52))
        container.imageRepository = "docker.io/library/nginx"
        container.privileged = true
        container.namespace = "web"
        container.podName = "nginx-1"
        var info = lineage().info
        info.containerID = container.id
        let thread = SyscallThread(info: info, parent: nil, container: container)
        let event = SyscallEvent(number: 1, timestamp: 1, direction: .exit, type: "execve", thread: thread)
        XCTAssertEqual(Support.text("container.id", event), "3ad7b26ded6d")
        XCTAssertEqual(Support.text("container.image.repository", event), "docker.io/library/nginx")
        XCTAssertEqual(Support.text("k8s.ns.name", event), "web")
        XCTAssertEqual(Support.text("k8s.pod.name", event), "nginx-1")
        XCTAssertTrue(try Support.matches("container.privileged=true and container.id != host", event))
        XCTAssertNil(Support.value("fd.name", event))
        XCTAssertFalse(try Support.matches("fd.name exists", event))
    }

    func testCgroupContainerIDAndPaths() {
        let id = String(repeating: "ab12", count: 16)
        XCTAssertEqual(SyscallStateTracker.containerID(cgroups: ["cpuset=/docker/" + id]), id)
        XCTAssertEqual(SyscallStateTracker.containerID(cgroups: ["cpu=/user.slice"]), "")
        XCTAssertEqual(SyscallPath.resolve("../etc/./passwd", against: "/home/alice"), "/home/etc/passwd")
        XCTAssertEqual(SyscallPath.resolve("/tmp/x", against: "/root"), "/tmp/x")
    }
}
