//go:build !unix

package outbox

const noFollow = 0
