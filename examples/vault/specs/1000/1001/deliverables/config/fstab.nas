# Generated from: specs/1000/1001/1014.spec.md
# Context: specs/1000/1001/1014.context.md
# Purpose: NFS mount entry
# Target: /etc/fstab
# Created: 2025-08-26 by Claude + User
#
# Append the entry below to /etc/fstab, then: systemctl daemon-reload && mount /mnt/nas
#   rsize/wsize 1 MB  - largest NFS transfer size; matches the dd block size in benchmark.sh
#   hard              - retry forever instead of returning I/O errors to writers
#   _netdev + x-systemd.automount - boot does not wait for (or hang on) the NAS
#
# <device>              <mount>   <type> <options>                                                                                                        <dump> <pass>
192.168.1.101:/storage  /mnt/nas  nfs4   rw,hard,nfsvers=4.1,proto=tcp,rsize=1048576,wsize=1048576,timeo=600,retrans=2,noatime,_netdev,x-systemd.automount,x-systemd.mount-timeout=30  0  0
