import XCTest
@testable import NetPolicy

final class IntervalSetTests: XCTestCase {
    func testUnionMergesAdjacentAndOverlapping() {
        let a = IntervalSet(intervals: [.init(1, 5), .init(10, 20)])
        let b = IntervalSet(intervals: [.init(6, 8), .init(15, 30)])
        XCTAssertEqual(a.union(b).description, "1-8,10-30")
    }

    func testSubtractSplitsIntervals() {
        let all = IntervalSet(1, 65535)
        XCTAssertEqual(all.subtracting(IntervalSet(80, 80)).description, "1-79,81-65535")
        XCTAssertEqual(all.subtracting(IntervalSet(1, 65535)).isEmpty, true)
        XCTAssertEqual(IntervalSet(intervals: [.init(1, 10), .init(20, 30)]).subtracting(IntervalSet(5, 25)).description, "1-4,26-30")
    }

    func testIntersectionAndContains() {
        let a = IntervalSet(intervals: [.init(1, 10), .init(20, 30)])
        XCTAssertEqual(a.intersection(IntervalSet(8, 22)).description, "8-10,20-22")
        XCTAssertTrue(a.contains(25))
        XCTAssertFalse(a.contains(15))
    }

    func testUpperBoundOfAddressSpace() {
        let all = IPv4.all
        let cut = all.subtracting(IPv4.cidr("10.0.0.0/8")!)
        XCTAssertEqual(cut.intervals.map { IPv4.formatRange($0) }, ["0.0.0.0-9.255.255.255", "11.0.0.0-255.255.255.255"])
        XCTAssertEqual(cut.union(IPv4.cidr("10.0.0.0/8")!), all)
    }

    func testConnectionSetText() {
        let everythingButHTTP = ConnectionSet.allKubernetes.subtracting(ConnectionSet(.tcp, ports: IntervalSet(80, 80)))
        XCTAssertEqual(everythingButHTTP.analyzerText, "SCTP 1-65535,TCP 1-79,81-65535,UDP 1-65535")
        XCTAssertEqual(ConnectionSet.allKubernetes.analyzerText, "All Connections")
        XCTAssertEqual(ConnectionSet.none.analyzerText, "No Connections")
    }

    func testCIDRCoverIsMinimal() {
        XCTAssertEqual(IPv4.cidrs(covering: .init(0, UInt32.max)), ["0.0.0.0/0"])
        XCTAssertEqual(IPv4.cidrs(covering: .init(IPv4.address("10.0.0.1")!, IPv4.address("10.0.0.6")!)),
                       ["10.0.0.1/32", "10.0.0.2/31", "10.0.0.4/31", "10.0.0.6/32"])
    }
}

/// Connection sets over every protocol: ranged protocols keep ports, the
/// others are whole; set algebra must hold across both kinds.
final class ConnectionSetTests: XCTestCase {
    let gre = IPProtocol(number: 47)

    func testPortlessProtocolsAreWholeAndCombine() {
        let a = ConnectionSet(gre).union(ConnectionSet(.tcp, ports: IntervalSet(80, 80)))
        XCTAssertTrue(a.contains(gre, port: 0))
        XCTAssertEqual(a.protocols.map(\.number).sorted(), [6, 47])
        XCTAssertEqual(a.subtracting(ConnectionSet(gre)), ConnectionSet(.tcp, ports: IntervalSet(80, 80)))
        XCTAssertEqual(a.intersection(ConnectionSet(gre)), ConnectionSet(gre))
        XCTAssertEqual(ConnectionSet(gre, ports: IntervalSet(5, 9)), .none, "a port-less protocol has only the value 0")
    }

    func testAllProtocolsMinusKubernetesKeepsTheRest() {
        let rest = ConnectionSet.allProtocols.subtracting(.allKubernetes)
        XCTAssertEqual(rest.protocols.count, 252)
        XCTAssertFalse(rest.contains(.tcp, port: 80))
        XCTAssertEqual(rest.ports(of: .icmp), ConnectionSet.icmpRange)
        XCTAssertEqual(rest.union(.allKubernetes), .allProtocols)
        XCTAssertTrue(ConnectionSet.allProtocols.isSuperset(of: rest))
    }

    func testEqualSetsHashEqually() {
        let built = ConnectionSet(.udp).union(ConnectionSet(gre)).subtracting(ConnectionSet(.udp))
        XCTAssertEqual(built, ConnectionSet(gre))
        XCTAssertEqual(Set([built, ConnectionSet(gre)]).count, 1)
    }
}
