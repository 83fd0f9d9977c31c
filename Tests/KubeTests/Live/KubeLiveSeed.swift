import Foundation

/// The objects the integration tests create through the API, in the shapes
/// of the Kubernetes API reference.
enum KubeLiveSeed {
    static let configMapCount = 25

    static func create(with writer: KubeLiveAPIWriter) async throws {
        for namespace in ["live-a", "live-b"] {
            try await writer.create("/api/v1/namespaces", #"{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"\#(namespace)"}}"#)
        }
        try await writer.create("/apis/apps/v1/namespaces/live-a/deployments", """
            {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"priv-web","namespace":"live-a","labels":{"app":"priv-web"}},
             "spec":{"replicas":1,"selector":{"matchLabels":{"app":"priv-web"}},
              "template":{"metadata":{"labels":{"app":"priv-web"}},
               "spec":{"hostPID":true,"containers":[{"name":"web","image":"nginx:1.25","securityContext":{"privileged":true}}]}}}}
            """)
        try await writer.create("/api/v1/namespaces/live-a/pods", """
            {"apiVersion":"v1","kind":"Pod","metadata":{"name":"priv-pod","namespace":"live-a"},
             "spec":{"containers":[{"name":"c","image":"busybox","securityContext":{"privileged":true}}]}}
            """)
        try await writer.create("/api/v1/namespaces/live-a/services", """
            {"apiVersion":"v1","kind":"Service","metadata":{"name":"public-lb","namespace":"live-a"},
             "spec":{"type":"LoadBalancer","selector":{"app":"priv-web"},"ports":[{"port":80,"targetPort":8080}]}}
            """)
        try await writer.create("/apis/networking.k8s.io/v1/namespaces/live-a/ingresses", """
            {"apiVersion":"networking.k8s.io/v1","kind":"Ingress","metadata":{"name":"web","namespace":"live-a"},
             "spec":{"rules":[{"host":"shop.example","http":{"paths":[{"path":"/","pathType":"Prefix",
               "backend":{"service":{"name":"public-lb","port":{"number":80}}}}]}}]}}
            """)
        try await writer.create("/apis/rbac.authorization.k8s.io/v1/clusterrolebindings", """
            {"apiVersion":"rbac.authorization.k8s.io/v1","kind":"ClusterRoleBinding","metadata":{"name":"live-alice-admin"},
             "roleRef":{"apiGroup":"rbac.authorization.k8s.io","kind":"ClusterRole","name":"cluster-admin"},
             "subjects":[{"apiGroup":"rbac.authorization.k8s.io","kind":"User","name":"alice"}]}
            """)
        try await writer.create("/api/v1/namespaces/live-a/secrets", """
            {"apiVersion":"v1","kind":"Secret","metadata":{"name":"db-credentials","namespace":"live-a"},
             "type":"kubernetes.io/basic-auth","stringData":{"username":"admin","password":"hunter2-live"}}
            """)
        for index in 0..<configMapCount {
            let name = String(format: "cm-%02d", index)
            try await writer.create("/api/v1/namespaces/live-b/configmaps",
                                    #"{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"\#(name)"},"data":{"k":"v"}}"#)
        }
        try await createCustomResource(with: writer)
    }

    /// A CRD and one object of it, once the new group is served.
    private static func createCustomResource(with writer: KubeLiveAPIWriter) async throws {
        try await writer.create("/apis/apiextensions.k8s.io/v1/customresourcedefinitions", """
            {"apiVersion":"apiextensions.k8s.io/v1","kind":"CustomResourceDefinition",
             "metadata":{"name":"widgets.example.palisade.dev"},
             "spec":{"group":"example.palisade.dev","scope":"Namespaced",
              "names":{"plural":"widgets","singular":"widget","kind":"Widget"},
              "versions":[{"name":"v1","served":true,"storage":true,
                "schema":{"openAPIV3Schema":{"type":"object","x-kubernetes-preserve-unknown-fields":true}}}]}}
            """)
        for _ in 0..<100 {
            if try await writer.status("/apis/example.palisade.dev/v1/namespaces/live-a/widgets") == 200 { break }
            try await Task.sleep(nanoseconds: 200_000_000)
        }
        try await writer.create("/apis/example.palisade.dev/v1/namespaces/live-a/widgets",
                                #"{"apiVersion":"example.palisade.dev/v1","kind":"Widget","metadata":{"name":"w1","namespace":"live-a"},"spec":{"size":3}}"#)
    }
}
