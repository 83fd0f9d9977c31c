import XCTest

final class ControlsClusterNetworkTests: XCTestCase {
    let namespace = "apiVersion: v1\nkind: Namespace\nmetadata: {name: shop}"

    func policy(_ name: String, _ spec: String, namespace: String = "shop") -> String {
        "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: \(name), namespace: \(namespace)}\nspec: \(spec)"
    }

    let deployment = """
    apiVersion: apps/v1
    kind: Deployment
    metadata: {name: api, namespace: shop}
    spec:
      template:
        metadata: {labels: {app: api, tier: backend}}
        spec: {containers: [{name: api, image: api:1}]}
    """

    func stream(_ docs: String...) -> String { docs.joined(separator: "\n---\n") }

    func testNamespacePolicies() {
        ControlsClusterCase("namespace_without_network_policy", ["Namespace \"shop\" has no NetworkPolicy"],
                            stream(namespace, policy("p", "{podSelector: {}}", namespace: "other"))).check()
        ControlsClusterCase("namespace_without_network_policy", [], stream(namespace, policy("p", "{podSelector: {matchLabels: {app: api}}}"))).check()
        ControlsClusterCase("namespace_without_default_deny", ["Namespace \"shop\" has no default-deny ingress NetworkPolicy"],
                            stream(namespace, policy("p", "{podSelector: {}, ingress: [{}]}"))).check()
        ControlsClusterCase("namespace_without_default_deny", [],
                            stream(namespace, policy("deny", "{podSelector: {}, policyTypes: [Ingress, Egress]}"))).check()
    }

    func testWorkloadIsolation() {
        let ingressOnly = policy("p", "{podSelector: {matchExpressions: [{key: tier, operator: In, values: [backend]}, {key: legacy, operator: DoesNotExist}]}, ingress: [{}]}")
        ControlsClusterCase("workload_ingress_unrestricted", [], stream(deployment, ingressOnly)).check()
        ControlsClusterCase("workload_egress_unrestricted", ["Deployment \"api\" is not selected by any NetworkPolicy restricting egress traffic"],
                            stream(deployment, ingressOnly)).check()
        let wrongLabel = policy("p", "{podSelector: {matchLabels: {app: web}}, policyTypes: [Ingress, Egress]}")
        ControlsClusterCase("workload_ingress_unrestricted", ["Deployment \"api\" is not selected by any NetworkPolicy restricting ingress traffic"],
                            stream(deployment, wrongLabel)).check()
        let otherNamespace = policy("p", "{podSelector: {}, policyTypes: [Ingress, Egress]}", namespace: "other")
        ControlsClusterCase("workload_egress_unrestricted", ["Deployment \"api\" is not selected by any NetworkPolicy restricting egress traffic"],
                            stream(deployment, otherNamespace)).check()
        let egressByRules = policy("p", "{podSelector: {matchLabels: {app: api}}, egress: [{to: [{podSelector: {}}]}]}")
        ControlsClusterCase("workload_egress_unrestricted", [], stream(deployment, egressByRules)).check()
        let notIn = policy("p", "{podSelector: {matchExpressions: [{key: tier, operator: NotIn, values: [backend]}]}, policyTypes: [Ingress]}")
        ControlsClusterCase("workload_ingress_unrestricted", ["Deployment \"api\" is not selected by any NetworkPolicy restricting ingress traffic"],
                            stream(deployment, notIn)).check()
    }

    func testAllowAllRules() {
        ControlsClusterCase("network_policy_allows_all_ingress", ["NetworkPolicy \"p\" allows ingress from any address (spec.ingress[1])"],
                            policy("p", "{podSelector: {}, ingress: [{from: [{podSelector: {matchLabels: {app: web}}}]}, {from: [{ipBlock: {cidr: 0.0.0.0/0}}]}]}")).check()
        ControlsClusterCase("network_policy_allows_all_ingress", ["NetworkPolicy \"p\" allows ingress from any address (spec.ingress[0])"],
                            policy("p", "{podSelector: {}, ingress: [{ports: [{port: 80}]}]}")).check()
        ControlsClusterCase("network_policy_allows_all_ingress", [],
                            policy("p", "{podSelector: {}, ingress: [{from: [{namespaceSelector: {matchLabels: {team: a}}}]}]}")).check()
        ControlsClusterCase("network_policy_allows_all_egress", ["NetworkPolicy \"p\" allows egress to any address (spec.egress[0])"],
                            policy("p", "{podSelector: {}, policyTypes: [Egress], egress: [{to: [{namespaceSelector: {}}]}]}")).check()
        ControlsClusterCase("network_policy_allows_all_egress", [],
                            policy("p", "{podSelector: {}, policyTypes: [Egress], egress: [{to: [{ipBlock: {cidr: 0.0.0.0/0, except: [169.254.169.254/32]}}]}]}")).check()
    }

    func testDefaultNamespace() {
        ControlsClusterCase("default_namespace_used", ["ConfigMap \"settings\" is in the default namespace"],
                            "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings, namespace: default}").check()
        ControlsClusterCase("default_namespace_used", [], "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: kube-root-ca.crt, namespace: default}").check()
        ControlsClusterCase("default_namespace_used", [], "apiVersion: v1\nkind: Service\nmetadata: {name: kubernetes, namespace: default}").check()
        ControlsClusterCase("default_namespace_used", [], "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings, namespace: shop}").check()
    }

    func testPodSecurityLabels() {
        ControlsClusterCase("namespace_pod_security_unset", ["Namespace \"shop\" has no pod-security.kubernetes.io/enforce label"],
                            "apiVersion: v1\nkind: Namespace\nmetadata: {name: shop, labels: {pod-security.kubernetes.io/warn: restricted}}").check()
        ControlsClusterCase("namespace_pod_security_unset", [],
                            "apiVersion: v1\nkind: Namespace\nmetadata: {name: shop, labels: {pod-security.kubernetes.io/enforce: restricted}}").check()
        ControlsClusterCase("namespace_pod_security_privileged", ["Namespace \"shop\" enforces the privileged Pod Security level"],
                            "apiVersion: v1\nkind: Namespace\nmetadata: {name: shop, labels: {pod-security.kubernetes.io/enforce: privileged}}").check()
        ControlsClusterCase("namespace_pod_security_privileged", [],
                            "apiVersion: v1\nkind: Namespace\nmetadata: {name: kube-system, labels: {pod-security.kubernetes.io/enforce: privileged}}").check()
        ControlsClusterCase("namespace_pod_security_privileged", [],
                            "apiVersion: v1\nkind: Namespace\nmetadata: {name: shop, labels: {pod-security.kubernetes.io/enforce: baseline}}").check()
    }

    func testResourcePolicies() {
        let quota = "apiVersion: v1\nkind: ResourceQuota\nmetadata: {name: q, namespace: shop}\nspec: {hard: {pods: \"10\"}}"
        let limits = "apiVersion: v1\nkind: LimitRange\nmetadata: {name: l, namespace: shop}\nspec: {limits: []}"
        ControlsClusterCase("namespace_without_resource_quota", ["Namespace \"shop\" has no ResourceQuota"], stream(namespace, limits)).check()
        ControlsClusterCase("namespace_without_resource_quota", [], stream(namespace, quota)).check()
        ControlsClusterCase("namespace_without_limit_range", ["Namespace \"shop\" has no LimitRange"], stream(namespace, quota)).check()
        ControlsClusterCase("namespace_without_limit_range", [], stream(namespace, limits)).check()
    }
}
