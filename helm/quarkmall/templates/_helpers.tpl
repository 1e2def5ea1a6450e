{{/*
The prefix of every object's name: the release's name, or fullnameOverride. Two releases in one
namespace therefore never share a name.
*/}}
{{- define "quarkmall.fullname" -}}
{{- .Values.fullnameOverride | default .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- end }}

{{/*
The name of a service's objects, "<fullname>-<service>" (e.g. quarkmall-cart-order), or of a shared
one, "<fullname>-config". A name has at most 63 characters: the prefix is cut, never what follows
it, so that two services' names cannot meet. include "quarkmall.objectName" (dict "name" "pay" "root" $)
*/}}
{{- define "quarkmall.objectName" -}}
{{- $prefix := include "quarkmall.fullname" .root | trunc (int (sub 62 (len .name))) | trimSuffix "-" -}}
{{- printf "%s-%s" $prefix .name -}}
{{- end }}

{{/* Labels every object of one service carries. */}}
{{- define "quarkmall.labels" -}}
app.kubernetes.io/name: {{ .name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/part-of: quarkmall
app.kubernetes.io/version: {{ .root.Values.image.tag | quote }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .root.Chart.Name .root.Chart.Version }}
{{- end }}

{{- define "quarkmall.selector" -}}
app.kubernetes.io/name: {{ .name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- end }}

{{/* A service's setting, or the chart-wide default: include "quarkmall.setting" (dict "svc" $svc "root" $ "key" "resources") */}}
{{- define "quarkmall.setting" -}}
{{- $value := index .svc .key | default (index .root.Values.defaults .key) -}}
{{- toYaml $value -}}
{{- end }}

{{- define "quarkmall.image" -}}
{{- $suffix := ternary "" "-jvm" (eq .root.Values.image.flavor "native") -}}
{{ printf "%s/%s/%s:%s%s" .root.Values.image.registry .root.Values.image.repository .name .root.Values.image.tag $suffix }}
{{- end }}
