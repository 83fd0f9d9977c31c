import XCTest

final class ControlsClusterExposureTests: XCTestCase {
    func service(_ name: String, _ spec: String, namespace: String = "web", annotations: String = "{}", labels: String = "{}") -> String {
        """
        apiVersion: v1
        kind: Service
        metadata: {name: \(name), namespace: \(namespace), annotations: \(annotations), labels: \(labels)}
        spec: \(spec)
        """
    }

    func ingress(_ name: String, _ spec: String, annotations: String = "{}") -> String {
        """
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata: {name: \(name), namespace: web, annotations: \(annotations)}
        spec: \(spec)
        """
    }

    func testLoadBalancer() {
        ControlsClusterCase("service_load_balancer", ["Service \"shop\" is a LoadBalancer open to any client address"],
                            service("shop", "{type: LoadBalancer, loadBalancerSourceRanges: [0.0.0.0/0], ports: [{port: 443}]}")).check()
        ControlsClusterCase("service_load_balancer", [], service("shop", "{type: LoadBalancer, loadBalancerSourceRanges: [10.0.0.0/8], ports: [{port: 443}]}")).check()
        ControlsClusterCase("service_load_balancer", [], service("shop", "{type: LoadBalancer, ports: [{port: 443}]}",
                                                                 annotations: "{networking.gke.io/load-balancer-type: Internal}")).check()
        ControlsClusterCase("service_load_balancer", [], service("shop", "{type: ClusterIP, ports: [{port: 443}]}")).check()
    }

    func testNodePortExternalIPsAndExternalName() {
        ControlsClusterCase("service_node_port", ["Service \"shop\" opens node ports on every node"], service("shop", "{type: NodePort, ports: [{port: 80}]}")).check()
        ControlsClusterCase("service_node_port", [], service("shop", "{ports: [{port: 80}]}")).check()
        ControlsClusterCase("service_external_ips", ["Service \"shop\" captures traffic for external IPs 203.0.113.7"],
                            service("shop", "{externalIPs: [203.0.113.7], ports: [{port: 80}]}")).check()
        ControlsClusterCase("service_external_ips", [], service("shop", "{ports: [{port: 80}]}")).check()
        ControlsClusterCase("service_external_name", ["Service \"db\" is an ExternalName alias for \"db.other.svc.cluster.local\""],
                            service("db", "{type: ExternalName, externalName: db.other.svc.cluster.local}")).check()
        ControlsClusterCase("service_external_name", [], service("db", "{type: ClusterIP, ports: [{port: 5432}]}")).check()
    }

    func testSensitivePorts() {
        ControlsClusterCase("service_sensitive_port", ["Service \"db\" exposes PostgreSQL (port 5432) outside the cluster"],
                            service("db", "{type: NodePort, ports: [{port: 80, targetPort: 5432}]}")).check()
        ControlsClusterCase("service_sensitive_port", [], service("db", "{type: ClusterIP, ports: [{port: 5432}]}")).check()
        ControlsClusterCase("service_sensitive_port", [], service("web", "{type: LoadBalancer, ports: [{port: 443, targetPort: 8443}]}")).check()
    }

    func testIngressTLS() {
        let rules = "[{host: a.example.com}, {host: b.example.com}, {host: x.apps.example.com}]"
        ControlsClusterCase("ingress_without_tls", ["Ingress \"front\" has no TLS configuration"], ingress("front", "{rules: \(rules)}")).check()
        ControlsClusterCase("ingress_without_tls", [], ingress("front", "{tls: [{hosts: [a.example.com]}], rules: \(rules)}")).check()
        ControlsClusterCase("ingress_host_without_tls", ["Ingress \"front\" serves host \"b.example.com\" without TLS"],
                            ingress("front", "{tls: [{hosts: [a.example.com, \"*.apps.example.com\"]}], rules: \(rules)}")).check()
        ControlsClusterCase("ingress_host_without_tls", [],
                            ingress("front", "{tls: [{hosts: [a.example.com, b.example.com, \"*.apps.example.com\"]}], rules: \(rules)}")).check()
        ControlsClusterCase("ingress_wildcard_host", ["Ingress \"front\" routes the wildcard host \"*.example.com\""],
                            ingress("front", "{rules: [{host: \"*.example.com\"}, {host: a.example.com}]}")).check()
        ControlsClusterCase("ingress_wildcard_host", [], ingress("front", "{rules: \(rules)}")).check()
    }

    func testSnippetAnnotation() {
        ControlsClusterCase("ingress_snippet_annotation", ["Ingress \"front\" sets the configuration snippet annotation \"nginx.ingress.kubernetes.io/configuration-snippet\""],
                            ingress("front", "{rules: []}", annotations: "{nginx.ingress.kubernetes.io/configuration-snippet: \"more_set_headers x;\"}")).check()
        ControlsClusterCase("ingress_snippet_annotation", [],
                            ingress("front", "{rules: []}", annotations: "{nginx.ingress.kubernetes.io/ssl-redirect: \"true\"}")).check()
    }

    func testDashboards() {
        let grafana = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: metrics-ui, namespace: web}
        spec:
          template:
            metadata: {labels: {app: metrics-ui}}
            spec: {containers: [{name: ui, image: "docker.io/grafana/grafana:11.0.0"}]}
        """
        ControlsClusterCase("dashboard_exposed", ["Service \"metrics-ui\" exposes grafana outside the cluster (type LoadBalancer)"],
                            [service("metrics-ui", "{type: LoadBalancer, selector: {app: metrics-ui}, ports: [{port: 80}]}"), grafana].joined(separator: "\n---\n")).check()
        ControlsClusterCase("dashboard_exposed", [],
                            [service("metrics-ui", "{type: ClusterIP, selector: {app: metrics-ui}, ports: [{port: 80}]}"), grafana].joined(separator: "\n---\n")).check()
        ControlsClusterCase("dashboard_exposed", ["Service \"kubernetes-dashboard\" exposes kubernetes-dashboard outside the cluster (type NodePort)"],
                            service("kubernetes-dashboard", "{type: NodePort, ports: [{port: 443}]}")).check()
        let backend = "{rules: [{host: a.example.com, http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: metrics-ui, port: {number: 80}}}}]}}]}"
        ControlsClusterCase("dashboard_exposed", ["Ingress \"front\" exposes grafana"],
                            [ingress("front", backend), service("metrics-ui", "{selector: {app: metrics-ui}, ports: [{port: 80}]}"), grafana].joined(separator: "\n---\n")).check()
        ControlsClusterCase("dashboard_exposed", [],
                            [ingress("front", backend), service("metrics-ui", "{selector: {app: shop}, ports: [{port: 80}]}"), grafana].joined(separator: "\n---\n")).check()
    }
}
