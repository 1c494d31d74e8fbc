// Command hello is the program tmuxtest's own test builds with Binary.
package main

import "fmt"

func main() { fmt.Println("hello from a built binary") }
