import PalisadeCore
import XCTest
@testable import NetPolicy

final class NetworkFindingsTests: XCTestCase {
    typealias F = NetpolFindingsFixture

    private func ids(_ findings: [Finding], on name: String) -> Set<String> {
        Set(findings.filter { $0.resource?.name == name }.map(\.ruleID))
    }

    func testWorkloadWithoutPoliciesIsNotIsolatedEitherWay() throws {
        let findings = try F.findings([F.deployment("web")], rules: [.noIngressIsolation, .noEgressIsolation])
        XCTAssertEqual(ids(findings, on: "web"), ["NP-001", "NP-002"])
        let ingress = try XCTUnwrap(findings.first { $0.ruleID == "NP-001" })
        XCTAssertEqual(ingress.severity, .medium)
        XCTAssertEqual(ingress.resource?.kind, "Deployment")
        XCTAssertEqual(ingress.resource?.file, "findings.yaml")
        XCTAssertFalse(ingress.remediation.isEmpty)
    }

    func testDefaultDenyIngressIsolatesIngressOnly() throws {
        let denyIngress = """
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: deny, namespace: default}
        spec: {podSelector: {}}
        """
        let findings = try F.findings([F.deployment("web"), denyIngress], rules: [.noIngressIsolation, .noEgressIsolation])
        XCTAssertEqual(ids(findings, on: "web"), ["NP-002"])
    }

    func testPolicyWithSelectorMatchingNothing() throws {
        let ghost = """
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: ghost, namespace: default}
        spec: {podSelector: {matchLabels: {app: ghost}}}
        """
        let findings = try F.findings([F.deployment("web"), ghost], rules: [.policySelectsNothing])
        XCTAssertEqual(findings.map(\.ruleID), ["NP-003"])
        XCTAssertEqual(findings.first?.resource?.name, "ghost")
        XCTAssertEqual(findings.first?.resource?.apiVersion, "networking.k8s.io/v1")
        XCTAssertEqual(findings.first?.resource?.line, 6) // after the 4-line Deployment and the separator
    }

    func testRuleCoveredByAnEarlierPolicyIsRedundant() throws {
        func allow(_ name: String, port: Int) -> String {
            """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: \(name), namespace: default}
            spec:
              podSelector: {matchLabels: {app: api}}
              ingress:
              - from: [{podSelector: {matchLabels: {app: web}}}]
                ports: [{port: \(port)}]
            """
        }
        let narrower = """
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: c-same, namespace: default}
        spec:
          podSelector: {matchLabels: {app: api}}
          ingress:
          - from: [{podSelector: {matchLabels: {app: web}}}]
            ports: [{port: 80}]
          - from: [{podSelector: {matchLabels: {app: web}}}]
            ports: [{port: 9090}]
        """
        let findings = try F.findings([F.deployment("web"), F.deployment("api"), allow("a-first", port: 80), allow("b-other", port: 443), narrower],
                                      rules: [.redundantRule, .shadowedRule])
        XCTAssertEqual(findings.map(\.ruleID), ["NP-005"])
        XCTAssertEqual(findings.first?.resource?.name, "c-same")
        XCTAssertEqual(findings.first?.path, "spec.ingress[0]")
    }

    func testAllowAfterDenyOfTheSameTrafficIsShadowed() throws {
        let calico = """
        apiVersion: projectcalico.org/v3
        kind: NetworkPolicy
        metadata: {name: api, namespace: default}
        spec:
          selector: app == 'api'
          ingress:
          - action: Deny
            protocol: TCP
            source: {selector: app == 'web'}
          - action: Allow
            protocol: TCP
            source: {selector: app == 'web'}
            destination: {ports: [80]}
          - action: Allow
            protocol: UDP
        """
        let findings = try F.findings([F.deployment("web"), F.deployment("api"), calico], rules: [.redundantRule, .shadowedRule])
        XCTAssertEqual(findings.map(\.ruleID), ["NP-004"])
        XCTAssertEqual(findings.first?.path, "spec.ingress[1]")
        XCTAssertEqual(findings.first?.resource?.apiVersion, "projectcalico.org/v3")
    }

    func testOverBroadRules() throws {
        let broad = """
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: broad, namespace: default}
        spec:
          podSelector: {matchLabels: {app: web}}
          policyTypes: [Ingress, Egress]
          ingress:
          - from: [{namespaceSelector: {}}]
          egress:
          - to: [{ipBlock: {cidr: 0.0.0.0/0, except: [10.0.0.0/8]}}]
            ports: [{port: 443}]
          - to: [{ipBlock: {cidr: 10.1.0.0/16}}]
            ports: [{port: 5432}]
        """
        let findings = try F.findings([F.deployment("web"), F.namespace("other"), broad],
                                      rules: [.anyAddressRule, .allPortsRule, .allNamespacesRule])
        let byPath = Dictionary(grouping: findings, by: { $0.path ?? "" }).mapValues { Set($0.map(\.ruleID)) }
        XCTAssertEqual(byPath, ["spec.ingress[0]": ["NP-007", "NP-008"], "spec.egress[0]": ["NP-006"]])
    }

    func testExposedDatabaseAndPathsToSensitiveTargets() throws {
        let findings = try F.findings([F.deployment("web", port: 8080), F.deployment("db", port: 5432)],
                                      rules: [.exposedSensitiveWorkload, .pathToDatabase, .pathToMetadata])
        XCTAssertEqual(ids(findings, on: "db"), ["NP-009", "NP-012"])
        XCTAssertEqual(ids(findings, on: "web"), ["NP-010", "NP-012"])
        let path = try XCTUnwrap(findings.first { $0.ruleID == "NP-010" })
        XCTAssertEqual(path.severity, .high)
        XCTAssertEqual(path.path, "egress to default/db[Deployment]")
    }

    func testPoliciesThatCloseThePathsRemoveTheFindings() throws {
        let dbIngress = """
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: db, namespace: default}
        spec:
          podSelector: {matchLabels: {app: db}}
          ingress: [{from: [{podSelector: {matchLabels: {app: api}}}], ports: [{port: 5432}]}]
        """
        let noMetadata = """
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: egress, namespace: default}
        spec:
          podSelector: {}
          policyTypes: [Egress]
          egress: [{to: [{ipBlock: {cidr: 0.0.0.0/0, except: [169.254.169.254/32]}}]}, {to: [{podSelector: {}}]}]
        """
        let findings = try F.findings([F.deployment("web", port: 8080), F.deployment("api"), F.deployment("db", port: 5432), dbIngress, noMetadata],
                                      rules: [.exposedSensitiveWorkload, .pathToDatabase, .pathToMetadata])
        XCTAssertEqual(ids(findings, on: "web"), [])
        XCTAssertEqual(ids(findings, on: "db"), [])
        // api is reachable from outside and db accepts it.
        XCTAssertEqual(ids(findings, on: "api"), ["NP-010"])
    }

    func testFindingIDsAreStableAcrossRuns() throws {
        let first = try F.findings([F.deployment("web")]).map(\.id)
        let second = try F.findings([F.deployment("web")]).map(\.id)
        XCTAssertEqual(first, second)
        XCTAssertEqual(Set(first).count, first.count)
    }
}
