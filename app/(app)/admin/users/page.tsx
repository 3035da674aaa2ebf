import type { Metadata } from 'next';
import { CreateUserForm } from '@/components/auth/create-user-form';
import { RoleForm } from '@/components/auth/role-form';
import { SimpleTable } from '@/components/ui/simple-table';
import { fetchUsers } from '@/lib/auth/admin-queries';
import { requireRole } from '@/lib/auth/guard';
import { ROLE_LABELS } from '@/lib/auth/roles';
import { changeRoleAction } from './change-role';
import { createUserAction } from './create-user';

export const metadata: Metadata = { title: 'Users' };

export default async function UsersPage() {
  const me = await requireRole('/admin/users');
  const users = await fetchUsers();
  return (
    <>
      <h1>Users</h1>
      <p className="lede">
        Who can sign in, and with which role. Admins manage everything; procurement edits data and imports; executives read the dashboard
        and the data, without edits. Suppliers never sign in: they get API tokens.
      </p>
      <h2>Add a user</h2>
      <CreateUserForm action={createUserAction} />
      <h2>People</h2>
      <SimpleTable
        caption="Users"
        rows={users}
        rowKey={(u) => u.id}
        empty="No users yet."
        columns={[
          { header: 'Name', cell: (u) => u.name },
          { header: 'Email', cell: (u) => u.email },
          {
            header: 'Role',
            cell: (u) =>
              u.id === me.userId ? (
                <span className="badge">{ROLE_LABELS[u.role]} (you)</span>
              ) : (
                <RoleForm userId={u.id} email={u.email} role={u.role} action={changeRoleAction} />
              ),
          },
          { header: 'Since', cell: (u) => u.createdAt.slice(0, 10) },
        ]}
      />
    </>
  );
}
