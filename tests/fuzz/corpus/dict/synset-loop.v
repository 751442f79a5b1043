v&A
+bomb
+&B

&B
+shell
+&A

--- RESTORE [064] ---
RESTORE
- * &A [064]
